// A minimal streaming JSON writer (escaping, commas) for the layout command.
#pragma once

#include <ostream>
#include <string_view>
#include <vector>

namespace cs {

class JsonWriter {
 public:
  explicit JsonWriter(std::ostream& out) : out_(out) {}
  JsonWriter& begin_object() { return open('{'); }
  JsonWriter& end_object() { return close('}'); }
  JsonWriter& begin_array() { return open('['); }
  JsonWriter& end_array() { return close(']'); }
  JsonWriter& key(std::string_view k);
  JsonWriter& value(std::string_view s);
  JsonWriter& value(const char* s) { return value(std::string_view{s}); }
  JsonWriter& value(double d);
  JsonWriter& value(float f) { return value(double(f)); }
  JsonWriter& value(int i) { return value(double(i)); }
  JsonWriter& value(unsigned i) { return value(double(i)); }

 private:
  JsonWriter& open(char c);
  JsonWriter& close(char c);
  void separate();
  std::ostream& out_;
  std::vector<bool> first_;  // per open container: nothing written yet
  bool after_key_ = false;
};

}  // namespace cs
