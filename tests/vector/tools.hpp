// Running the tools a reader of our PDFs and SVGs would use (poppler's pdfinfo, pdftotext, pdffonts,
// pdfimages, pdftoppm; librsvg's rsvg-convert; python3 for XML), and reading what they make.
#pragma once

#include <array>
#include <cstdio>
#include <filesystem>
#include <fstream>
#include <string>
#include <sys/wait.h>
#include <vector>

namespace cs::test {

struct ToolRun {
  int status = -1;
  std::string out;  // stdout (stderr too with " 2>&1")
};

inline ToolRun tool(const std::string& cmd) {
  ToolRun r;
  FILE* p = popen(cmd.c_str(), "r");
  if (!p) return r;
  std::array<char, 4096> buf;
  std::size_t n;
  while ((n = std::fread(buf.data(), 1, buf.size(), p)) > 0) r.out.append(buf.data(), n);
  const int st = pclose(p);
  r.status = WIFEXITED(st) ? WEXITSTATUS(st) : -1;
  return r;
}

inline std::string quote(const std::string& s) {
  std::string q = "'";
  for (char c : s) q += c == '\'' ? std::string{"'\\''"} : std::string(1, c);
  return q + "'";
}

inline std::string read_bytes(const std::filesystem::path& p) {
  std::ifstream in{p, std::ios::binary};
  return {std::istreambuf_iterator<char>{in}, {}};
}

inline void write_bytes(const std::filesystem::path& p, const std::string& bytes) {
  std::ofstream{p, std::ios::binary} << bytes;
}

// A fresh folder for the running test.
inline std::filesystem::path scratch_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const auto d = std::filesystem::path{::testing::TempDir()} / (std::string{"vector_"} + info->test_suite_name() + "_" + info->name());
  std::filesystem::remove_all(d);
  std::filesystem::create_directories(d);
  return d;
}

// The text of one page (1-based) as pdftotext reads it, whitespace runs folded into single spaces.
inline std::string pdf_text(const std::filesystem::path& pdf, int page) {
  const ToolRun r = tool(std::string{CS_PDFTOTEXT} + " -f " + std::to_string(page) + " -l " + std::to_string(page) +
                         " -enc UTF-8 " + quote(pdf.string()) + " -");
  std::string out;
  for (char c : r.out) {
    const bool space = c == ' ' || c == '\n' || c == '\t' || c == '\f' || c == '\r';
    if (space && (out.empty() || out.back() == ' ')) continue;
    out += space ? ' ' : c;
  }
  while (!out.empty() && out.back() == ' ') out.pop_back();
  return out;
}

// pdfinfo's "Pages:" line.
inline int pdf_pages(const std::filesystem::path& pdf) {
  const ToolRun r = tool(std::string{CS_PDFINFO} + " " + quote(pdf.string()));
  const auto at = r.out.find("Pages:");
  return at == std::string::npos ? -1 : std::stoi(r.out.substr(at + 6));
}

// An RGB raster: pdftoppm's PPM of one page, or any binary PPM.
struct Raster {
  int width = 0, height = 0;
  std::vector<unsigned char> rgb;
  std::uint32_t pixel(int x, int y) const {
    const std::size_t i = (std::size_t(y) * std::size_t(width) + std::size_t(x)) * 3;
    return std::uint32_t(rgb[i]) << 16 | std::uint32_t(rgb[i + 1]) << 8 | rgb[i + 2];
  }
};

inline Raster read_ppm(const std::string& bytes) {
  Raster r;
  std::size_t i = 0;
  auto token = [&] {
    while (i < bytes.size() && std::isspace(static_cast<unsigned char>(bytes[i]))) ++i;
    std::size_t j = i;
    while (j < bytes.size() && !std::isspace(static_cast<unsigned char>(bytes[j]))) ++j;
    std::string t = bytes.substr(i, j - i);
    i = j;
    return t;
  };
  if (token() != "P6") return r;
  r.width = std::stoi(token());
  r.height = std::stoi(token());
  token();  // maxval
  ++i;      // one whitespace byte, then the pixels
  r.rgb.assign(bytes.begin() + std::ptrdiff_t(i), bytes.end());
  if (r.rgb.size() < std::size_t(r.width) * std::size_t(r.height) * 3) r = {};
  return r;
}

// Page `page` of a PDF rasterised at 96 dpi: one pixel per canvas pixel.
inline Raster pdf_raster(const std::filesystem::path& pdf, int page = 1) {
  const ToolRun r = tool(std::string{CS_PDFTOPPM} + " -r 96 -f " + std::to_string(page) + " -l " +
                         std::to_string(page) + " " + quote(pdf.string()));
  return read_ppm(r.out);
}

// Width and height from a PNG's header (0, 0 when it is not a PNG).
inline std::pair<int, int> png_size(const std::string& png) {
  if (png.size() < 24 || png.compare(1, 3, "PNG") != 0) return {0, 0};
  const auto be32 = [&](std::size_t o) {
    return int(static_cast<unsigned char>(png[o])) << 24 | int(static_cast<unsigned char>(png[o + 1])) << 16 |
           int(static_cast<unsigned char>(png[o + 2])) << 8 | int(static_cast<unsigned char>(png[o + 3]));
  };
  return {be32(16), be32(20)};
}

// True when python3's XML parser reads the file whole.
inline bool well_formed_xml(const std::filesystem::path& p) {
  return tool("python3 -c 'import sys, xml.dom.minidom; xml.dom.minidom.parse(sys.argv[1])' " + quote(p.string()) +
              " 2>&1")
             .status == 0;
}

}  // namespace cs::test
