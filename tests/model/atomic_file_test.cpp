// Atomic writes: the file is replaced whole or not at all (kill -9 at random points), its mode and
// symlinks are kept, failures say what failed, and file identity survives other spellings of a path.
#include "model/io/atomic_file.hpp"

#include "atomic_save_content.hpp"

#include <gtest/gtest.h>

#include <dirent.h>
#include <signal.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <unistd.h>

#include <chrono>
#include <filesystem>
#include <fstream>
#include <random>
#include <sstream>
#include <thread>

using namespace cs;
namespace fs = std::filesystem;

namespace {

std::string read_all(const fs::path& p) {
  std::ifstream in{p, std::ios::binary};
  std::ostringstream s;
  s << in.rdbuf();
  return s.str();
}

// A fresh, empty folder for one test.
fs::path fresh_dir() {
  const auto* info = ::testing::UnitTest::GetInstance()->current_test_info();
  const fs::path d = fs::path{::testing::TempDir()} / (std::string{"atomic_"} + info->name());
  fs::remove_all(d);
  fs::create_directories(d);
  return d;
}

int temp_files(const fs::path& dir) {
  int n = 0;
  for (const auto& e : fs::directory_iterator{dir})
    if (e.path().filename().string().find(".tmp-") != std::string::npos) ++n;
  return n;
}

}  // namespace

TEST(AtomicFile, WritesAndReplaces) {
  const fs::path d = fresh_dir();
  const std::string f = (d / "a.txt").string();
  std::string err;
  ASSERT_TRUE(write_file_atomic(f, "first", &err)) << err;
  EXPECT_EQ(read_all(f), "first");
  ASSERT_TRUE(write_file_atomic(f, "second, longer", &err)) << err;
  EXPECT_EQ(read_all(f), "second, longer");
  ASSERT_TRUE(write_file_atomic(f, "", &err)) << err;
  EXPECT_EQ(read_all(f), "");
  EXPECT_EQ(temp_files(d), 0);
}

TEST(AtomicFile, StreamedWritesCommitWholeOrNotAtAll) {
  const fs::path d = fresh_dir();
  const std::string f = (d / "s.txt").string();
  std::string err;
  ASSERT_TRUE(write_file_atomic(f, "old", &err));
  {
    AtomicFileWriter w;
    ASSERT_TRUE(w.open(f, &err)) << err;
    ASSERT_TRUE(w.write("new ", &err) && w.write("content", &err)) << err;
    EXPECT_EQ(read_all(f), "old");
    EXPECT_EQ(temp_files(d), 1);
  }  // not committed
  EXPECT_EQ(read_all(f), "old");
  EXPECT_EQ(temp_files(d), 0);
  AtomicFileWriter w;
  ASSERT_TRUE(w.open(f, &err) && w.write("new ", &err) && w.write("content", &err) && w.commit(&err)) << err;
  EXPECT_EQ(read_all(f), "new content");
  EXPECT_FALSE(w.write("more", &err));
}

TEST(AtomicFile, KeepsTheModeAndNewFilesFollowTheUmask) {
  const fs::path d = fresh_dir();
  const std::string f = (d / "m.txt").string();
  std::string err;
  ASSERT_TRUE(write_file_atomic(f, "x", &err)) << err;
  struct stat st{};
  const mode_t mask = ::umask(0);
  ::umask(mask);
  ASSERT_EQ(::stat(f.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0666 & ~mask);
  ASSERT_EQ(::chmod(f.c_str(), 0640), 0);
  ASSERT_TRUE(write_file_atomic(f, "y", &err)) << err;
  ASSERT_EQ(::stat(f.c_str(), &st), 0);
  EXPECT_EQ(st.st_mode & 0777, 0640u);
}

TEST(AtomicFile, FollowsASymlinkAndKeepsIt) {
  const fs::path d = fresh_dir();
  std::ofstream{d / "real.txt"} << "old";
  fs::create_symlink("real.txt", d / "link.txt");
  std::string err;
  ASSERT_TRUE(write_file_atomic((d / "link.txt").string(), "new", &err)) << err;
  EXPECT_TRUE(fs::is_symlink(d / "link.txt"));
  EXPECT_EQ(read_all(d / "real.txt"), "new");
}

TEST(AtomicFile, FailuresLeaveThePathUntouchedAndSayWhat) {
  const fs::path d = fresh_dir();
  std::string err;
  EXPECT_FALSE(write_file_atomic((d / "no/such/folder/f").string(), "x", &err));
  EXPECT_EQ(err, "cannot create a temporary file in '" + (d / "no/such/folder").string() + "': No such file or directory");
  EXPECT_FALSE(write_file_atomic(d.string(), "x", &err));
  EXPECT_EQ(err, "cannot write '" + d.string() + "': Is a directory");
  EXPECT_EQ(temp_files(d), 0);
}

TEST(AtomicFile, DeviceFilesAreWrittenDirectlyAndEveryWriteIsChecked) {
  std::string err;
  EXPECT_FALSE(write_file_atomic("/dev/full", "bytes", &err));
  EXPECT_EQ(err, "writing '/dev/full' failed: No space left on device");
  EXPECT_TRUE(write_file_atomic("/dev/null", "bytes", &err)) << err;
}

// kill -9 at random points of a save loop: the file is always the old or the new content, whole, and the
// temp file a killed save leaves is removed by the next save.
TEST(AtomicFile, KillDuringSaveLeavesOldOrNewWhole) {
  const fs::path d = fresh_dir();
  const std::string f = (d / "doc.yaml").string();
  const std::string a = test::atomic_save_content(0), b = test::atomic_save_content(1);
  std::string err;
  ASSERT_TRUE(write_file_atomic(f, a, &err)) << err;
  std::mt19937 rng{8};
  std::uniform_int_distribution<int> delay_us{0, 40'000};
  for (int kill_no = 0; kill_no < 40; ++kill_no) {
    const pid_t pid = ::fork();
    ASSERT_GE(pid, 0);
    if (pid == 0) {
      ::execl(CS_ATOMIC_SAVE_LOOP, CS_ATOMIC_SAVE_LOOP, f.c_str(), static_cast<char*>(nullptr));
      ::_exit(127);
    }
    std::this_thread::sleep_for(std::chrono::microseconds{delay_us(rng)});
    ::kill(pid, SIGKILL);
    int status = 0;
    ASSERT_EQ(::waitpid(pid, &status, 0), pid);
    ASSERT_TRUE(WIFSIGNALED(status)) << "the save loop stopped by itself: " << status;
    const std::string now = read_all(f);
    ASSERT_TRUE(now == a || now == b) << "after kill " << kill_no << ": " << now.size() << " bytes, neither old nor new";
    EXPECT_LE(temp_files(d), 1) << "after kill " << kill_no;
  }
  ASSERT_EQ(std::system((std::string{CS_ATOMIC_SAVE_LOOP} + " " + f + " --once").c_str()), 0);
  EXPECT_EQ(read_all(f), a);
  EXPECT_EQ(temp_files(d), 0);
}

TEST(AtomicFile, SameFileByDeviceAndInode) {
  const fs::path d = fresh_dir();
  std::ofstream{d / "x.yaml"} << "x";
  std::ofstream{d / "y.yaml"} << "x";
  fs::create_symlink("x.yaml", d / "sym.yaml");
  fs::create_hard_link(d / "x.yaml", d / "hard.yaml");
  const std::string x = (d / "x.yaml").string();
  EXPECT_TRUE(same_file(x, (d / "sym.yaml").string()));
  EXPECT_TRUE(same_file(x, (d / "hard.yaml").string()));
  EXPECT_TRUE(same_file(x, (d / "." / "x.yaml").string()));
  EXPECT_FALSE(same_file(x, (d / "y.yaml").string()));
  EXPECT_FALSE(same_file(x, (d / "missing").string()));
  EXPECT_FALSE(same_file((d / "missing").string(), (d / "missing").string()));
}

TEST(AtomicFile, StampReadsAndHashes) {
  const fs::path d = fresh_dir();
  const std::string f = (d / "s.txt").string();
  std::string err;
  ASSERT_TRUE(write_file_atomic(f, "hello", &err));
  const FileStamp s = stamp_file(f);
  EXPECT_TRUE(s.exists);
  EXPECT_EQ(s.size, 5u);
  EXPECT_EQ(s.hash, content_hash("hello"));
  EXPECT_NE(content_hash("hello"), content_hash("hellp"));
  EXPECT_GT(s.mtime_ns, 0);
  ASSERT_TRUE(write_file_atomic(f, "hellp", &err));
  const FileStamp t = stamp_file(f);
  EXPECT_NE(t.hash, s.hash);
  EXPECT_NE(t.ino, s.ino);  // a new file took the name
  EXPECT_FALSE(stamp_file((d / "missing").string()).exists);
  const std::string big(3 << 20, 'z');  // read in more than one chunk
  ASSERT_TRUE(write_file_atomic(f, big, &err));
  EXPECT_EQ(stamp_file(f).hash, content_hash(big));
}
