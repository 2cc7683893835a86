// Lists what loading found wrong, so a file with mistakes still opens and shows what it can.
#pragma once

#include "model/diagnostics.hpp"

namespace cs {

struct ProblemsWindow {
  void draw(const Diagnostics& d, float x, float y, float w);

 private:
  bool open_ = true;
};

}  // namespace cs
