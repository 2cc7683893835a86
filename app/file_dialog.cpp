// The built-in browser as an ImGui modal, and zenity as a child process whose output is read without
// blocking.
#include "app/file_dialog.hpp"

#include <imgui.h>
#include <imgui_stdlib.h>

#include <GLFW/glfw3.h>
#include <fcntl.h>
#include <signal.h>
#include <spawn.h>
#include <sys/wait.h>
#include <unistd.h>

#include <algorithm>
#include <cstdlib>

extern char** environ;

namespace cs {
namespace fs = std::filesystem;
namespace {

constexpr const char* kPopup = "##file-dialog";

bool timeline_file(const fs::path& p) {
  std::string ext = p.extension().string();
  std::transform(ext.begin(), ext.end(), ext.begin(), [](unsigned char c) { return char(std::tolower(c)); });
  return ext == ".yaml" || ext == ".yml" || ext == ".csv";
}

bool on_path(const std::string& program) {
  const char* path = std::getenv("PATH");
  if (!path) return false;
  std::string_view rest = path;
  while (!rest.empty()) {
    const std::size_t colon = rest.find(':');
    const std::string dir{rest.substr(0, colon)};
    rest.remove_prefix(colon == std::string_view::npos ? rest.size() : colon + 1);
    if (!dir.empty() && ::access((fs::path{dir} / program).c_str(), X_OK) == 0) return true;
  }
  return false;
}

fs::path expand(const std::string& typed, const fs::path& dir) {
  if (typed.starts_with("~/") || typed == "~")
    if (const char* home = std::getenv("HOME")) return fs::path{home} / typed.substr(std::min<std::size_t>(2, typed.size()));
  const fs::path p{typed};
  return (p.is_absolute() ? p : dir / p).lexically_normal();
}

}  // namespace

FileDialog::~FileDialog() {
  if (child_ > 0) {
    ::kill(child_, SIGTERM);
    ::waitpid(child_, nullptr, 0);
  }
  if (out_fd_ >= 0) ::close(out_fd_);
}

std::vector<fs::directory_entry> FileDialog::entries(const fs::path& dir, bool all) {
  std::vector<fs::directory_entry> dirs, files;
  std::error_code ec;
  for (fs::directory_iterator it{dir, fs::directory_options::skip_permission_denied, ec}, end; !ec && it != end;
       it.increment(ec)) {
    const std::string name = it->path().filename().string();
    if (name.starts_with(".")) continue;
    std::error_code e2;
    if (it->is_directory(e2)) dirs.push_back(*it);
    else if (all || timeline_file(it->path())) files.push_back(*it);
  }
  const auto by_name = [](const fs::directory_entry& a, const fs::directory_entry& b) { return a.path().filename() < b.path().filename(); };
  std::sort(dirs.begin(), dirs.end(), by_name);
  std::sort(files.begin(), files.end(), by_name);
  dirs.insert(dirs.end(), files.begin(), files.end());
  return dirs;
}

void FileDialog::open(Mode mode, const std::string& start, bool use_zenity) {
  if (active()) return;
  mode_ = mode;
  error_.clear();
  confirm_.clear();
  std::error_code ec;
  fs::path p = start.empty() ? fs::current_path(ec) : fs::absolute(start, ec);
  if (use_zenity && on_path("zenity") && start_zenity(p.string())) {
    log_.line(std::string{"dialog zenity "} + (mode == Mode::Open ? "open" : "save"));
    return;
  }
  name_.clear();
  if (!fs::is_directory(p, ec)) {
    if (mode == Mode::Save) name_ = p.filename().string();
    p = p.parent_path();
  }
  go_to(p.empty() ? fs::path{"/"} : p);
  just_opened_ = true;
  log_.line(std::string{"dialog "} + (mode == Mode::Open ? "open" : "save") + " " + dir_.string());
}

void FileDialog::go_to(const fs::path& dir) {
  dir_ = dir.lexically_normal();
  list_ = entries(dir_, show_all_);
  current_ = -1;
  error_.clear();
}

void FileDialog::finish() {
  mode_.reset();
  confirm_.clear();
  ImGui::CloseCurrentPopup();
}

std::optional<std::string> FileDialog::draw() {
  if (!mode_) return std::nullopt;
  if (child_ > 0) return poll_zenity();
  return draw_builtin();
}

// What Enter or the button does with the name field: a folder is entered, a file chosen (Save: a new name,
// or an existing file once the user agrees to replace it).
std::optional<std::string> FileDialog::accept(const std::string& typed) {
  std::string t = typed;
  if (t.empty() && current_ >= 0 && current_ < int(list_.size())) t = list_[std::size_t(current_)].path().filename().string();
  if (t.empty()) return std::nullopt;
  fs::path p = expand(t, dir_);
  std::error_code ec;
  if (fs::is_directory(p, ec)) {
    go_to(p);
    name_.clear();
    return std::nullopt;
  }
  if (*mode_ == Mode::Open) {
    if (fs::is_regular_file(p, ec)) return p.string();
    error_ = "no such file: " + p.string();
    return std::nullopt;
  }
  if (!p.has_extension()) p += ".yaml";
  if (!fs::is_directory(p.parent_path(), ec)) {
    error_ = "no such folder: " + p.parent_path().string();
    return std::nullopt;
  }
  if (fs::exists(p, ec) && confirm_ != p.string()) {
    confirm_ = p.string();
    return std::nullopt;
  }
  return p.string();
}

std::optional<std::string> FileDialog::draw_builtin() {
  const bool save = *mode_ == Mode::Save;
  if (just_opened_) ImGui::OpenPopup(kPopup);
  const ImGuiViewport* vp = ImGui::GetMainViewport();
  ImGui::SetNextWindowPos({vp->Pos.x + vp->Size.x / 2, vp->Pos.y + vp->Size.y / 2}, ImGuiCond_Appearing, {0.5f, 0.5f});
  ImGui::SetNextWindowSize({std::min(vp->Size.x * 0.9f, ImGui::GetFontSize() * 40), std::min(vp->Size.y * 0.85f, ImGui::GetFontSize() * 30)},
                           ImGuiCond_Appearing);
  // As a panel looks (the light style's popups are as white as its fields).
  ImGui::PushStyleColor(ImGuiCol_PopupBg, ImGui::GetStyleColorVec4(ImGuiCol_WindowBg));
  const bool open = ImGui::BeginPopupModal(kPopup, nullptr, ImGuiWindowFlags_NoTitleBar);
  ImGui::PopStyleColor();
  if (!open) {
    mode_.reset();  // closed by ImGui
    return std::nullopt;
  }
  std::optional<std::string> chosen;
  ImGui::TextUnformatted(save ? "Save the timeline as" : "Open a timeline");
  ImGui::TextDisabled("%s", dir_.string().c_str());
  ImGui::SameLine();
  if (ImGui::SmallButton("Up") && dir_.has_parent_path()) go_to(dir_.parent_path());
  ImGui::SameLine();
  if (ImGui::Checkbox("All files", &show_all_)) go_to(dir_);
  const float footer = ImGui::GetFrameHeightWithSpacing() * 3 + ImGui::GetTextLineHeightWithSpacing();
  ImGui::BeginChild("##entries", {0, -footer}, true);
  for (int i = 0; i < int(list_.size()); ++i) {
    const fs::directory_entry& e = list_[std::size_t(i)];
    std::error_code ec;
    const bool dir = e.is_directory(ec);
    const std::string label = e.path().filename().string() + (dir ? "/" : "");
    ImGui::PushID(i);
    if (ImGui::Selectable(label.c_str(), i == current_, ImGuiSelectableFlags_AllowDoubleClick)) {
      current_ = i;
      if (!dir) name_ = e.path().filename().string();
      if (ImGui::IsMouseDoubleClicked(ImGuiMouseButton_Left)) {
        if (dir) {
          go_to(e.path());
          ImGui::PopID();
          break;
        }
        chosen = accept(name_);
      }
    }
    if (i == current_ && ImGui::IsWindowAppearing()) ImGui::SetScrollHereY();
    ImGui::PopID();
  }
  if (list_.empty()) ImGui::TextDisabled(show_all_ ? "(empty folder)" : "(no timelines here: .yaml, .yml, .csv)");
  ImGui::EndChild();

  ImGui::AlignTextToFramePadding();
  ImGui::TextUnformatted(save ? "Name" : "File");
  ImGui::SameLine();
  ImGui::SetNextItemWidth(-1);
  if (just_opened_ || ImGui::IsWindowAppearing()) ImGui::SetKeyboardFocusHere();
  just_opened_ = false;
  // Up and Down move through the list and put the entry's name in the field.
  const auto history = [](ImGuiInputTextCallbackData* data) {
    auto* self = static_cast<FileDialog*>(data->UserData);
    const int n = int(self->list_.size());
    if (n == 0) return 0;
    self->current_ = data->EventKey == ImGuiKey_UpArrow ? std::max(0, self->current_ - 1) : std::min(n - 1, self->current_ + 1);
    std::error_code ec;
    const fs::directory_entry& e = self->list_[std::size_t(self->current_)];
    const std::string name = e.path().filename().string() + (e.is_directory(ec) ? "/" : "");
    data->DeleteChars(0, data->BufTextLen);
    data->InsertChars(0, name.c_str());
    return 0;
  };
  const bool enter = ImGui::InputText("##name", &name_, ImGuiInputTextFlags_EnterReturnsTrue | ImGuiInputTextFlags_CallbackHistory,
                                      history, this);
  if (enter) {
    chosen = accept(name_);
    if (!chosen) ImGui::SetKeyboardFocusHere(-1);  // keep typing in the new folder
  }
  if (!error_.empty()) ImGui::TextColored({0.75f, 0.15f, 0.1f, 1}, "%s", error_.c_str());
  else if (!confirm_.empty()) ImGui::TextColored({0.6f, 0.42f, 0.f, 1}, "%s exists: Enter or Replace to save over it", confirm_.c_str());
  else ImGui::TextDisabled("Enter: open a folder or choose   Up/Down: move   Esc: cancel");
  if (ImGui::Button(save ? (confirm_.empty() ? "Save" : "Replace") : "Open")) chosen = accept(name_);
  ImGui::SameLine();
  const bool cancel = ImGui::Button("Cancel") || ImGui::IsKeyPressed(ImGui::GetKeyIndex(ImGuiKey_Escape), false);
  if (chosen) {
    log_.line("dialog chose " + *chosen);
    finish();
  } else if (cancel) {
    log_.line("dialog cancelled");
    finish();
  }
  ImGui::EndPopup();
  return chosen;
}

bool FileDialog::start_zenity(const std::string& start) {
  int fds[2];
  if (::pipe(fds) != 0) return false;
  std::vector<std::string> args = {"zenity", "--file-selection",
                                   std::string{"--title="} + (*mode_ == Mode::Open ? "Open a timeline" : "Save the timeline as"),
                                   "--filename=" + start + (fs::is_directory(start) ? "/" : ""),
                                   "--file-filter=Timelines | *.yaml *.yml *.csv", "--file-filter=All files | *"};
  if (*mode_ == Mode::Save) args.insert(args.begin() + 2, {"--save", "--confirm-overwrite"});
  std::vector<char*> argv;
  for (std::string& a : args) argv.push_back(a.data());
  argv.push_back(nullptr);
  posix_spawn_file_actions_t actions;
  posix_spawn_file_actions_init(&actions);
  posix_spawn_file_actions_adddup2(&actions, fds[1], 1);
  posix_spawn_file_actions_addclose(&actions, fds[0]);
  pid_t pid = -1;
  const int rc = posix_spawnp(&pid, "zenity", &actions, nullptr, argv.data(), environ);
  posix_spawn_file_actions_destroy(&actions);
  ::close(fds[1]);
  if (rc != 0) {
    ::close(fds[0]);
    return false;
  }
  ::fcntl(fds[0], F_SETFL, ::fcntl(fds[0], F_GETFL) | O_NONBLOCK);
  child_ = pid;
  out_fd_ = fds[0];
  out_.clear();
  return true;
}

std::optional<std::string> FileDialog::poll_zenity() {
  char buf[4096];
  for (ssize_t n; (n = ::read(out_fd_, buf, sizeof buf)) > 0;) out_.append(buf, std::size_t(n));
  int status = 0;
  if (::waitpid(child_, &status, WNOHANG) != child_) return std::nullopt;
  for (ssize_t n; (n = ::read(out_fd_, buf, sizeof buf)) > 0;) out_.append(buf, std::size_t(n));
  ::close(out_fd_);
  out_fd_ = -1;
  child_ = -1;
  mode_.reset();
  while (!out_.empty() && (out_.back() == '\n' || out_.back() == '\r')) out_.pop_back();
  if (!WIFEXITED(status) || WEXITSTATUS(status) != 0 || out_.empty()) {
    log_.line("dialog cancelled");
    return std::nullopt;
  }
  log_.line("dialog chose " + out_);
  return out_;
}

}  // namespace cs
