// A GL 3.3 core context with no window: EGL on Mesa's surfaceless platform (falls back to the default
// display). Used by `chronoscope render`, the benchmarks and the GL tests.
#pragma once

#include <memory>
#include <string>

namespace cs::gl {

class HeadlessContext {
 public:
  // Null with `error` set when no EGL display or GL 3.3 core context can be had.
  static std::unique_ptr<HeadlessContext> create(std::string* error);
  ~HeadlessContext();
  HeadlessContext(const HeadlessContext&) = delete;
  HeadlessContext& operator=(const HeadlessContext&) = delete;
  std::string renderer() const;  // GL_RENDERER, e.g. "llvmpipe (LLVM 15.0.6, 256 bits)"

 private:
  HeadlessContext() = default;
  void* display_ = nullptr;
  void* context_ = nullptr;
};

// Loads GL functions through `get_proc` into glad; false when the driver lacks GL 3.3.
bool load_gl(void* (*get_proc)(const char*));

}  // namespace cs::gl
