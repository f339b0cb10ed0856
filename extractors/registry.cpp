#include "registry.h"

namespace gdprscan {

ExtractFn extractor_for(ContentType type) {
  switch (type) {
    case ContentType::text: return extract_plain_text;
    case ContentType::rtf: return extract_rtf;
    case ContentType::mail: return extract_eml;
    case ContentType::mbox: return extract_mbox;
    case ContentType::pst: return extract_pst;
    case ContentType::tnef: return extract_tnef;
    case ContentType::html: return extract_html;
    case ContentType::xml: return extract_xml;
    // Office files are zip containers too: until their own extractors exist, their XML
    // members are scanned as XML (text found, located by member name).
    case ContentType::zip:
    case ContentType::seven_zip:
    case ContentType::rar:
    case ContentType::tar:
    case ContentType::cpio:
    case ContentType::iso9660:
    case ContentType::cab: return extract_archive;
    case ContentType::gzip: return extract_gzip;
    case ContentType::pdf: return extract_pdf;
    case ContentType::ooxml: return extract_ooxml;
    case ContentType::odf: return extract_odf;
    case ContentType::ole2: return extract_ole2;
    case ContentType::bzip2:
    case ContentType::xz:
    case ContentType::zstd:
    case ContentType::lz4: return extract_compressed;
    default: return nullptr;
  }
}

}  // namespace gdprscan
