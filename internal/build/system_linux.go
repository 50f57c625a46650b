package build

import (
	"bytes"
	"errors"
	"io"
	"os"
	"path/filepath"

	"golang.org/x/sys/unix"
)

// swap puts the folder stage in the place of dir in one step, and the old
// dir in the place of stage, with renameat2's RENAME_EXCHANGE: a reader
// sees the old site or the new, never neither. Where dir does not exist
// yet, a rename does.
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dir)
	}
	err := unix.Renameat2(unix.AT_FDCWD, stage, unix.AT_FDCWD, dir, unix.RENAME_EXCHANGE)
	if err == nil {
		return syncDir(dir + "/..")
	}
	return err
}

// syncTree makes everything written under dir durable before the swap:
// one syncfs of its file system rather than an fsync a file.
func syncTree(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return unix.Syncfs(int(f.Fd()))
}

func syncDir(dir string) error {
	f, err := os.Open(dir)
	if err != nil {
		return err
	}
	defer f.Close()
	return f.Sync()
}

// lock takes an exclusive lock on a file beside dir, waiting for any other
// build publishing there, and returns its release.
func lock(dir string) (func(), error) {
	f, err := os.OpenFile(filepath.Join(filepath.Dir(dir), "."+filepath.Base(dir)+".lock"), os.O_CREATE|os.O_RDWR, 0o644)
	if err != nil {
		return nil, err
	}
	if err := unix.Flock(int(f.Fd()), unix.LOCK_EX); err != nil {
		f.Close()
		return nil, err
	}
	return func() { f.Close() }, nil
}

// writeNew writes a file that must not exist yet: not even a link
// there is followed. It asks the system itself, in three calls: os.OpenFile
// spends four fcntl calls and an epoll_ctl more on each file, trying to
// make it one the runtime can poll, which a regular file never is; over
// the thousands of small files of a build, that was a twentieth of its
// CPU time.
func writeNew(name string, data []byte) error {
	const flags = unix.O_WRONLY | unix.O_CREAT | unix.O_EXCL | unix.O_CLOEXEC
	fd, err := unix.Open(name, flags, 0o644)
	for err == unix.EINTR { // a signal came first
		fd, err = unix.Open(name, flags, 0o644)
	}
	if err != nil {
		return &os.PathError{Op: "open", Path: name, Err: err}
	}
	for len(data) > 0 {
		n, err := unix.Write(fd, data)
		switch {
		case err == unix.EINTR:
			continue
		case err == nil && n == 0:
			err = io.ErrShortWrite
		}
		if err != nil {
			unix.Close(fd)
			return &os.PathError{Op: "write", Path: name, Err: err}
		}
		data = data[n:]
	}
	if err := unix.Close(fd); err != nil {
		return &os.PathError{Op: "close", Path: name, Err: err}
	}
	return nil
}

// sameBytes reports whether the regular file at path holds data. It
// reads the file a piece at a time into a buffer of the pool, as a
// rebuild reads back every file it would write, and asks the system
// itself, as writeNew does: open, fstat, a read a piece and one for its
// end, close.
func sameBytes(path string, data []byte) bool {
	fd, err := unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	for err == unix.EINTR {
		fd, err = unix.Open(path, unix.O_RDONLY|unix.O_CLOEXEC, 0)
	}
	if err != nil {
		return false
	}
	defer unix.Close(fd)
	var st unix.Stat_t
	if unix.Fstat(fd, &st) != nil || st.Mode&unix.S_IFMT != unix.S_IFREG || st.Size != int64(len(data)) {
		return false
	}
	buf := pieces.Get().(*[]byte)
	defer pieces.Put(buf)
	// The file holds data when as many bytes matched and nothing follows
	// them: someone may have written to it since its size was taken.
	for len(data) > 0 {
		n, err := unix.Read(fd, (*buf)[:min(len(*buf), len(data))])
		switch {
		case err == unix.EINTR:
			continue
		case err != nil || n == 0 || !bytes.Equal((*buf)[:n], data[:n]):
			return false
		}
		data = data[n:]
	}
	for {
		n, err := unix.Read(fd, (*buf)[:1])
		if err != unix.EINTR {
			return n == 0 && err == nil
		}
	}
}
