// `chronoscope bench` as a script reads it: every figure of --json present and plausible (memory before
// and after reading, frames and edits counted), and the file it is given left as it was.
#include "model/document.hpp"

#include "run_binary.hpp"

#include <gtest/gtest.h>
#include <nlohmann/json.hpp>

#include <filesystem>
#include <fstream>
#include <sstream>

namespace cs {
namespace {

using test::run;

std::string slurp(const std::filesystem::path& p) {
  std::ifstream in{p, std::ios::binary};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

TEST(BenchCli, JsonHasEveryFigure) {
  const std::string file = std::string{CS_SOURCE_DIR} + "/events.yaml";
  const test::RunResult r = run("bench " + file + " --frames 4 --json", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("events").get<std::size_t>(), Document::load(file)->timeline().event_count());
  EXPECT_EQ(j.at("file_bytes").get<std::uintmax_t>(), std::filesystem::file_size(file));
  EXPECT_GT(j.at("load_s").get<double>(), 0.0);
  const auto before = j.at("rss_before_load_bytes").get<std::size_t>();
  const auto peak = j.at("peak_rss_bytes").get<std::size_t>();
  EXPECT_GT(before, 1u << 20);  // the program itself: code, libraries
  EXPECT_GE(peak, before);
  EXPECT_GT(j.at("rss_after_load_bytes").get<std::size_t>(), 0u);
  for (const char* k : {"layout_ms", "frame_ms"}) {
    const auto& s = j.at(k);
    EXPECT_GE(s.at("count").get<int>(), 4) << k;
    EXPECT_GT(s.at("median").get<double>(), 0.0) << k;
    EXPECT_GE(s.at("p95").get<double>(), s.at("median").get<double>()) << k;
  }
  EXPECT_FALSE(j.contains("edit_ms"));
}

TEST(BenchCli, EditsAreTimedOnACopyAndTheFileStaysAsItWas) {
  const auto dir = std::filesystem::temp_directory_path() / ("cs-bench-" + std::to_string(::getpid()));
  std::filesystem::create_directories(dir);
  const auto file = dir / "events.yaml";
  std::filesystem::copy_file(std::string{CS_SOURCE_DIR} + "/events.yaml", file,
                             std::filesystem::copy_options::overwrite_existing);
  const std::string bytes = slurp(file);
  const auto mtime = std::filesystem::last_write_time(file);
  const test::RunResult r = run("bench " + file.string() + " --frames 2 --edits 5 --json", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  const nlohmann::json j = nlohmann::json::parse(r.out);
  EXPECT_EQ(j.at("edit_ms").at("count").get<int>(), 5);
  EXPECT_EQ(j.at("save_ms").at("count").get<int>(), 5);
  EXPECT_EQ(slurp(file), bytes);
  EXPECT_EQ(std::filesystem::last_write_time(file), mtime);
  std::filesystem::remove_all(dir);
}

TEST(BenchCli, TextSaysWhatReadingTheFileTook) {
  const test::RunResult r = run("bench " + std::string{CS_SOURCE_DIR} + "/events.yaml --frames 2", " 2>/dev/null");
  ASSERT_EQ(r.status, 0) << r.out;
  EXPECT_NE(r.out.find("before reading it (the program itself)"), std::string::npos) << r.out;
  EXPECT_NE(r.out.find("x the file, "), std::string::npos) << r.out;
}

}  // namespace
}  // namespace cs
