// HTML and XML, streamed through libxml2's SAX push parsers: memory stays bounded however
// large the file, entities are decoded by the library, and nothing is fetched: no network,
// no DTD loading, no external entities, no entity substitution (libxml2 also caps entity
// amplification, so "billion laughs" files are refused, not expanded).
//
// HTML: text, plus the alt and title attributes a person reads; not script or style.
// XML: text nodes, CDATA and attribute values (data exports keep personal data in both).
// Block-level HTML elements and XML element boundaries become line breaks, so that a
// finding's line and context read naturally and two cells are never glued into one number.
#include <libxml/HTMLparser.h>
#include <libxml/parser.h>
#include <libxml/parserInternals.h>

#include <cstring>
#include <mutex>
#include <string>

#include "piece_scanner.h"
#include "registry.h"

namespace gdprscan {

namespace {

// Collects the text of a document and hands it to the sink in pieces of about 64 KiB.
struct TextCollector {
  TextSink* sink = nullptr;
  std::string pending;
  int skip_depth = 0;  // inside <script> or <style>

  void add(const char* text, size_t n) {
    if (skip_depth > 0) return;
    pending.append(text, n);
    if (pending.size() >= 64 * 1024) flush();
  }
  void add(std::string_view text) { add(text.data(), text.size()); }
  void line_break() {
    if (!pending.empty() && pending.back() != '\n') pending += '\n';
  }
  void flush() {
    sink->write(pending);
    pending.clear();
  }
};

bool iequals(const xmlChar* a, const char* b) { return a && xmlStrcasecmp(a, reinterpret_cast<const xmlChar*>(b)) == 0; }

bool is_skipped_html(const xmlChar* name) { return iequals(name, "script") || iequals(name, "style"); }

bool is_block_html(const xmlChar* name) {
  static const char* const kBlocks[] = {"p",  "div", "br", "tr", "td", "th", "li",  "h1",      "h2",     "h3",
                                        "h4", "h5",  "h6", "table", "ul", "ol", "dd", "dt", "blockquote", "pre",
                                        "section", "article", "header", "footer", "title", "option", "hr"};
  for (const char* b : kBlocks)
    if (iequals(name, b)) return true;
  return false;
}

TextCollector& collector(void* ctx) {
  auto* parser = static_cast<xmlParserCtxtPtr>(ctx);
  return *static_cast<TextCollector*>(parser->_private);
}

void on_characters(void* ctx, const xmlChar* text, int len) {
  collector(ctx).add(reinterpret_cast<const char*>(text), static_cast<size_t>(len));
}

// HTML (SAX1-style element callbacks).
void on_html_start(void* ctx, const xmlChar* name, const xmlChar** attrs) {
  TextCollector& c = collector(ctx);
  if (is_skipped_html(name)) {
    ++c.skip_depth;
    return;
  }
  if (is_block_html(name)) c.line_break();
  for (int i = 0; attrs && attrs[i]; i += 2)
    if ((iequals(attrs[i], "alt") || iequals(attrs[i], "title")) && attrs[i + 1]) {
      c.add(reinterpret_cast<const char*>(attrs[i + 1]));
      c.line_break();
    }
}

void on_html_end(void* ctx, const xmlChar* name) {
  TextCollector& c = collector(ctx);
  if (is_skipped_html(name)) {
    if (c.skip_depth > 0) --c.skip_depth;
    return;
  }
  if (is_block_html(name)) c.line_break();
}

void on_html_cdata(void* ctx, const xmlChar* text, int len) {
  // libxml2 hands the body of <script> and <style> over as CDATA: skipped.
  if (collector(ctx).skip_depth == 0) on_characters(ctx, text, len);
}

// XML (SAX2 namespaced element callbacks).
// Office formats (OOXML, OpenDocument) keep content in text nodes and layout, ids and
// checksums in attributes (w:id="1606768032", val="1203092039"): their attributes are not
// content. Data exports keep content in both.
bool is_office_namespace(const xmlChar* uri) {
  if (!uri) return false;
  auto u = reinterpret_cast<const char*>(uri);
  for (const char* prefix : {"http://schemas.openxmlformats.org/", "http://schemas.microsoft.com/office/",
                             "urn:schemas-microsoft-com:", "urn:oasis:names:tc:opendocument:",
                             "http://purl.oclc.org/ooxml/"})
    if (std::strncmp(u, prefix, std::strlen(prefix)) == 0) return true;
  return false;
}

void on_xml_start(void* ctx, const xmlChar* /*localname*/, const xmlChar* /*prefix*/, const xmlChar* uri,
                  int /*nb_namespaces*/, const xmlChar** /*namespaces*/, int nb_attributes, int /*nb_defaulted*/,
                  const xmlChar** attributes) {
  TextCollector& c = collector(ctx);
  c.line_break();
  if (is_office_namespace(uri)) return;
  // Each attribute is five pointers: localname, prefix, URI, value start, value end.
  for (int i = 0; i < nb_attributes; ++i) {
    const xmlChar* begin = attributes[i * 5 + 3];
    const xmlChar* end = attributes[i * 5 + 4];
    c.add(reinterpret_cast<const char*>(begin), static_cast<size_t>(end - begin));
    c.line_break();
  }
}

void on_xml_end(void* ctx, const xmlChar*, const xmlChar*, const xmlChar*) { collector(ctx).line_break(); }

void ignore_error(void*, const char*, ...) {}
void ignore_structured_error(void*, xmlErrorPtr) {}

}  // namespace

// libxml2 prints diagnostics to stderr by default, and they quote the document: silenced,
// for this thread (its error handlers are per thread), before every parse.
void silence_libxml2() {
  static std::once_flag init;
  std::call_once(init, [] { xmlInitParser(); });
  xmlSetGenericErrorFunc(nullptr, ignore_error);
  xmlSetStructuredErrorFunc(nullptr, ignore_structured_error);
}

namespace {

// libxml2 messages can quote the document ("Entity 'x' not defined"): only the first line,
// with long digit runs masked, goes into a record.
std::string safe_message(const xmlError* e) {
  std::string m = e && e->message ? e->message : "parse error";
  m = m.substr(0, m.find('\n'));
  mask_message(m);
  return m;
}

struct ParserDeleter {
  bool html;
  void operator()(xmlParserCtxtPtr p) const {
    if (p->myDoc) xmlFreeDoc(p->myDoc);
    p->myDoc = nullptr;
    if (html) htmlFreeParserCtxt(p);
    else xmlFreeParserCtxt(p);
  }
};

void extract_markup(Item& item, ExtractContext& ctx, bool html) {
  silence_libxml2();
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  if (html) {
    xmlSAX2InitHtmlDefaultSAXHandler(&sax);
    sax.startElement = on_html_start;
    sax.endElement = on_html_end;
    sax.cdataBlock = on_html_cdata;
  } else {
    xmlSAXVersion(&sax, 2);  // defaults keep entity declarations working; no tree is built
    sax.startElementNs = on_xml_start;
    sax.endElementNs = on_xml_end;
    sax.cdataBlock = on_characters;
    sax.startElement = nullptr;
    sax.endElement = nullptr;
  }
  sax.characters = on_characters;
  sax.ignorableWhitespace = on_characters;
  sax.comment = nullptr;
  sax.processingInstruction = nullptr;
  sax.warning = ignore_error;
  sax.error = ignore_error;
  sax.serror = nullptr;

  std::unique_ptr<TextSink> sink = ctx.open_text(item.location);
  TextCollector collected;
  collected.sink = sink.get();
  xmlParserCtxtPtr raw = html ? htmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr, XML_CHAR_ENCODING_NONE)
                              : xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
  if (!raw) throw std::bad_alloc();
  std::unique_ptr<xmlParserCtxt, ParserDeleter> parser(raw, ParserDeleter{html});
  parser->_private = &collected;
  parser->vctxt.error = ignore_error;  // DTD validity messages
  parser->vctxt.warning = ignore_error;
  if (html) {
    htmlCtxtUseOptions(raw, HTML_PARSE_RECOVER | HTML_PARSE_NONET | HTML_PARSE_NOERROR | HTML_PARSE_NOWARNING);
  } else {
    // Not NOENT (no substitution), not DTDLOAD, not HUGE (keeps the amplification limits).
    xmlCtxtUseOptions(raw, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  }
  auto feed = [&](const char* data, size_t n, bool last) {
    int rc = html ? htmlParseChunk(raw, data, static_cast<int>(n), last) : xmlParseChunk(raw, data, static_cast<int>(n), last);
    return rc == 0 || !raw->disableSAX;  // in recover mode errors are not fatal
  };
  bool ok = feed(item.head.data(), item.head.size(), item.head_is_all);
  if (ok && !item.head_is_all) {
    std::vector<char>& buf = ctx.read_buffer();
    while (true) {
      long n = item.source.read(buf.data(), buf.size());
      if (n < 0) {
        ctx.problem({true, ProblemKind::io, item.location,
                     std::string("read failed, the rest of the file is not scanned: ") + std::strerror(static_cast<int>(-n))});
        break;
      }
      ctx.count_bytes_read(n);
      if (!feed(buf.data(), static_cast<size_t>(n), n == 0) || n == 0) break;
    }
  }
  collected.flush();
  sink->finish();
  if (!html && !raw->wellFormed) {
    const xmlError* e = xmlCtxtGetLastError(raw);
    int line = e ? e->line : 0;
    ctx.problem({true, ProblemKind::corrupt, item.location,
                 "not well-formed XML (line " + std::to_string(line) + ": " + safe_message(e) +
                     "); the text the parser recovered was scanned (partial)"});
  }
}

}  // namespace

void extract_html(Item& item, ExtractContext& ctx) { extract_markup(item, ctx, true); }
void extract_xml(Item& item, ExtractContext& ctx) {
  if (is_flat_opendocument(item.head)) return extract_flat_odf(item, ctx);
  extract_markup(item, ctx, false);
}

}  // namespace gdprscan
