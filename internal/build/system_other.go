//go:build !linux

package build

import (
	"bytes"
	"errors"
	"io"
	"os"
)

// swap puts the folder stage in the place of dir. Without Linux's
// RENAME_EXCHANGE it takes two renames, so for a moment there is no dir:
// a reader then gets "not found", never a mix of two sites.
func swap(stage, dir string) error {
	if _, err := os.Lstat(dir); errors.Is(err, os.ErrNotExist) {
		return os.Rename(stage, dir)
	}
	old := stage + "-old"
	if err := os.Rename(dir, old); err != nil {
		return err
	}
	if err := os.Rename(stage, dir); err != nil {
		os.Rename(old, dir)
		return err
	}
	return os.Rename(old, stage)
}

// syncTree is a no-op where there is no syncfs; each rename is durable
// on the file systems these hosts use.
func syncTree(string) error { return nil }

// lock does nothing here: run one build at a time into a folder.
func lock(string) (func(), error) { return func() {}, nil }

// writeNew writes a file that must not exist yet: not even a link
// there is followed.
func writeNew(name string, data []byte) error {
	f, err := os.OpenFile(name, os.O_WRONLY|os.O_CREATE|os.O_EXCL, 0o644)
	if err != nil {
		return err
	}
	_, err = f.Write(data)
	if err1 := f.Close(); err == nil {
		err = err1
	}
	return err
}

// sameBytes reports whether the regular file at path holds data. It
// reads the file a piece at a time into a buffer of the pool: a rebuild
// reads back every file it would write.
func sameBytes(path string, data []byte) bool {
	f, err := os.Open(path)
	if err != nil {
		return false
	}
	defer f.Close()
	fi, err := f.Stat()
	if err != nil || !fi.Mode().IsRegular() || fi.Size() != int64(len(data)) {
		return false
	}
	buf := pieces.Get().(*[]byte)
	defer pieces.Put(buf)
	for {
		n, err := io.ReadFull(f, *buf)
		if n > len(data) || !bytes.Equal((*buf)[:n], data[:n]) {
			return false
		}
		data = data[n:]
		if err == io.EOF || err == io.ErrUnexpectedEOF {
			return len(data) == 0
		}
		if err != nil {
			return false
		}
	}
}
