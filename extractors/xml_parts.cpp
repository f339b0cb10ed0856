#include "xml_parts.h"

#include <libxml/parserInternals.h>

#include <algorithm>
#include <cctype>
#include <cstring>
#include <new>

namespace gdprscan {

namespace {

std::string_view as_view(const xmlChar* s) { return s ? std::string_view(reinterpret_cast<const char*>(s)) : std::string_view(); }

}  // namespace

std::string attribute(const xmlChar** attributes, int count, std::string_view local) {
  for (int i = 0; i < count; ++i)
    if (as_view(attributes[i * 5]) == local) {
      const xmlChar* b = attributes[i * 5 + 3];
      const xmlChar* e = attributes[i * 5 + 4];
      return std::string(reinterpret_cast<const char*>(b), static_cast<size_t>(e - b));
    }
  return {};
}

namespace {
void ignore_message(void*, const char*, ...) {}

XmlHandler& handler_of(void* ctx) { return *static_cast<XmlHandler*>(static_cast<xmlParserCtxtPtr>(ctx)->_private); }
}  // namespace

bool parse_part(std::string_view xml, XmlHandler& handler) {
  silence_libxml2();
  xmlSAXHandler sax;
  std::memset(&sax, 0, sizeof sax);
  xmlSAXVersion(&sax, 2);
  sax.startElement = nullptr;
  sax.endElement = nullptr;
  sax.startElementNs = [](void* ctx, const xmlChar* local, const xmlChar*, const xmlChar*, int, const xmlChar**,
                          int count, int, const xmlChar** attributes) {
    handler_of(ctx).start(as_view(local), attributes, count);
  };
  sax.endElementNs = [](void* ctx, const xmlChar* local, const xmlChar*, const xmlChar*) {
    handler_of(ctx).end(as_view(local));
  };
  sax.characters = [](void* ctx, const xmlChar* chars, int len) {
    handler_of(ctx).text(std::string_view(reinterpret_cast<const char*>(chars), static_cast<size_t>(len)));
  };
  sax.ignorableWhitespace = sax.characters;
  sax.comment = nullptr;
  sax.warning = ignore_message;
  sax.error = ignore_message;
  xmlParserCtxtPtr ctx = xmlCreatePushParserCtxt(&sax, nullptr, nullptr, 0, nullptr);
  if (!ctx) throw std::bad_alloc();
  ctx->_private = &handler;
  ctx->vctxt.error = ignore_message;
  ctx->vctxt.warning = ignore_message;
  xmlCtxtUseOptions(ctx, XML_PARSE_NONET | XML_PARSE_RECOVER | XML_PARSE_NOERROR | XML_PARSE_NOWARNING);
  xmlParseChunk(ctx, xml.data(), static_cast<int>(xml.size()), 1);
  bool ok = ctx->wellFormed;
  if (ctx->myDoc) xmlFreeDoc(ctx->myDoc);
  xmlFreeParserCtxt(ctx);
  return ok;
}


std::string read_part(ByteSource& source, uint64_t& budget_left, bool& over) {
  std::string data;
  char buf[64 * 1024];
  for (long n; (n = source.read(buf, sizeof buf)) > 0;) {
    if (static_cast<uint64_t>(n) > budget_left) {
      over = true;
      break;
    }
    budget_left -= n;
    data.append(buf, static_cast<size_t>(n));
  }
  return data;
}


bool header_names_cpr(const std::string& header) {
  std::string h = header;
  for (char& c : h) c = static_cast<char>(std::tolower(static_cast<unsigned char>(c)));
  for (const char* word : {"cpr", "personnummer", "personnr", "person nr", "cpr-nr", "cprnr"})
    if (h.find(word) != std::string::npos) return true;
  return false;
}

void write_sheet(ExtractContext& ctx, const LocationChain& sheet, const std::string& text, CellOffsets cells,
                 std::vector<uint64_t> restored) {
  auto sink = ctx.open_text(sheet);
  if (!restored.empty())
    sink->adjust_by_offset([restored = std::move(restored)](uint64_t offset) -> std::optional<ConfidenceAdjustment> {
      if (std::binary_search(restored.begin(), restored.end(), offset))
        return ConfidenceAdjustment{"excel_leading_zero_restored", -0.2};
      return std::nullopt;
    });
  sink->locate_by_offset([sheet, cells = std::move(cells)](uint64_t offset) {
    auto after = std::upper_bound(cells.begin(), cells.end(), offset,
                                  [](uint64_t o, const auto& cell) { return o < cell.first; });
    LocationChain located = sheet;
    if (after != cells.begin()) located.push_back("cell " + std::prev(after)->second);
    return located;
  });
  sink->write_whole(text);
}

namespace {

struct ElementTexts final : XmlHandler {
  std::string_view first, second;
  std::string first_text, second_text;
  std::string all;  // every property's text, a line each: titles and keywords can hold data too
  std::string* current = nullptr;
  void start(std::string_view local, const xmlChar**, int) override {
    if (local == first && first_text.empty()) current = &first_text;
    else if (local == second && second_text.empty()) current = &second_text;
  }
  void end(std::string_view) override {
    current = nullptr;
    if (!all.empty() && all.back() != '\n') all += '\n';
  }
  void text(std::string_view chars) override {
    if (current && current->size() < 256) current->append(chars);
    all.append(chars);
  }
};

}  // namespace

void read_document_properties(ExtractContext& ctx, const LocationChain& where, std::string_view xml,
                              std::string_view author, std::string_view editor) {
  ElementTexts texts;
  texts.first = author;
  texts.second = editor;
  parse_part(xml, texts);
  ctx.document_properties(where, texts.first_text, texts.second_text);
  if (texts.all.find_first_not_of(" \t\n") == std::string::npos) return;
  LocationChain properties = where;
  properties.push_back("properties");
  ctx.open_text(properties)->write_whole(texts.all);
}

}  // namespace gdprscan
