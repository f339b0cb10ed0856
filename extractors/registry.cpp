#include "registry.h"

namespace gdprscan {

ExtractFn extractor_for(ContentType type) {
  switch (type) {
    case ContentType::text: return extract_plain_text;
    case ContentType::rtf: return extract_plain_text;
    default: return nullptr;
  }
}

}  // namespace gdprscan
