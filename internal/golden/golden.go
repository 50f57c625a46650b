// Package golden compares test output with golden files kept under
// testdata, and rewrites them when tests run with -update:
//
//	go test ./... -update
//
// Every test package that uses it accepts the -update flag.
package golden

import (
	"bytes"
	"flag"
	"io/fs"
	"os"
	"path/filepath"
	"slices"
	"testing"

	"github.com/google/go-cmp/cmp"
)

var update = flag.Bool("update", false, "rewrite golden files with the output of the tests")

// Check compares got with the golden file at path, or writes it with
// -update. A mismatch fails the test with a line diff.
func Check(t testing.TB, path string, got []byte) {
	t.Helper()
	if *update {
		if err := os.MkdirAll(filepath.Dir(path), 0o755); err != nil {
			t.Fatal(err)
		}
		if err := os.WriteFile(path, got, 0o644); err != nil {
			t.Fatal(err)
		}
		return
	}
	want, err := os.ReadFile(path)
	if err != nil {
		t.Fatalf("%v (run go test -update to write it)", err)
	}
	if !bytes.Equal(got, want) {
		t.Errorf("%s differs (-want +got):\n%s", path, cmp.Diff(string(want), string(got)))
	}
}

// Dir compares the files under the folder got with the golden folder
// want, both ways: every file missing, extra or different fails the test.
// With -update it replaces want with a copy of got.
func Dir(t testing.TB, want, got string) {
	t.Helper()
	gotFiles := readTree(t, got)
	if *update {
		if err := os.RemoveAll(want); err != nil {
			t.Fatal(err)
		}
		for name, data := range gotFiles {
			Check(t, filepath.Join(want, name), data)
		}
		return
	}
	wantFiles := readTree(t, want)
	for _, name := range sortedKeys(wantFiles) {
		if _, ok := gotFiles[name]; !ok {
			t.Errorf("%s is missing from the output", name)
		}
	}
	for _, name := range sortedKeys(gotFiles) {
		if _, ok := wantFiles[name]; !ok {
			t.Errorf("%s is in the output but not in %s (run go test -update)", name, want)
			continue
		}
		Check(t, filepath.Join(want, name), gotFiles[name])
	}
}

func readTree(t testing.TB, dir string) map[string][]byte {
	t.Helper()
	files := map[string][]byte{}
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		if err != nil {
			return err
		}
		rel, _ := filepath.Rel(dir, p)
		files[filepath.ToSlash(rel)] = data
		return nil
	})
	if err != nil && !(os.IsNotExist(err) && *update) {
		t.Fatal(err)
	}
	return files
}

func sortedKeys(m map[string][]byte) []string {
	keys := make([]string, 0, len(m))
	for k := range m {
		keys = append(keys, k)
	}
	slices.Sort(keys)
	return keys
}

// Updating reports whether the tests run with -update, for tests that
// keep their expected output in files of their own kind.
func Updating() bool { return *update }
