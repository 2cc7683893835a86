// Loading a file for a command-line command, with a progress line on the terminal ("loading FILE: 45%")
// when stderr is one; silent otherwise (pipes, CI logs).
#pragma once

#include "model/diagnostics.hpp"
#include "model/document.hpp"
#include "model/timeline.hpp"

#include <atomic>
#include <functional>
#include <memory>
#include <string>

namespace cs {

void load_with_progress(const std::string& path, Timeline& t, Diagnostics& diag);
// Runs `work` (which reads `path`, raising the progress it is given from 0 to 1) with the progress line.
void with_progress(const std::string& path, const std::function<void(std::atomic<float>*)>& work);
// The same for a document.
std::unique_ptr<Document> load_document_with_progress(const std::string& path);
// "1 error", "2 errors", "0 warnings".
std::string count_of(std::size_t n, const char* one, const char* many);

}  // namespace cs
