package atomicfile

import (
	"os"
	"path/filepath"
	"testing"

	// Registers -update, so that "go test ./... -update" runs here too.
	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

func TestWriteFile(t *testing.T) {
	dir := t.TempDir()
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	if err := WriteFile(root, "a/b/c.txt", []byte("one"), 0o644); err != nil {
		t.Fatal(err)
	}
	if err := WriteFile(root, "a/b/c.txt", []byte("two"), 0o644); err != nil {
		t.Fatal(err)
	}
	data, err := os.ReadFile(filepath.Join(dir, "a", "b", "c.txt"))
	if err != nil || string(data) != "two" {
		t.Errorf("got %q, %v; want \"two\"", data, err)
	}
	entries, _ := os.ReadDir(filepath.Join(dir, "a", "b"))
	if len(entries) != 1 {
		t.Errorf("temporary files left behind: %v", entries)
	}
}

func TestWriteFileStaysInRoot(t *testing.T) {
	dir := t.TempDir()
	outside := t.TempDir()
	if err := os.Symlink(outside, filepath.Join(dir, "link")); err != nil {
		t.Skip("no symbolic links:", err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	for _, name := range []string{"../escape.txt", "link/escape.txt", "/etc/escape.txt"} {
		if err := WriteFile(root, name, []byte("x"), 0o644); err == nil {
			t.Errorf("WriteFile(%q) succeeded; want an error", name)
		}
	}
	if entries, _ := os.ReadDir(outside); len(entries) != 0 {
		t.Errorf("wrote outside the root: %v", entries)
	}
}
