#include "registry.h"

namespace gdprscan {

ExtractFn extractor_for(ContentType type) {
  switch (type) {
    case ContentType::text: return extract_plain_text;
    case ContentType::rtf: return extract_plain_text;
    case ContentType::html: return extract_html;
    case ContentType::xml: return extract_xml;
    default: return nullptr;
  }
}

}  // namespace gdprscan
