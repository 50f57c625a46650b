package build_test

import (
	"bytes"
	"os"
	"path/filepath"
	"strings"
	"testing"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

// TestEditsSameAsScratch edits the test site step by step as staff do,
// renames and moves included, and rebuilds into the previous output after
// each step: the output, its manifest too, must be byte for byte what a
// build from scratch publishes, given the same previous manifest.
func TestEditsSameAsScratch(t *testing.T) {
	now := sites[1].now
	src := filepath.Join(t.TempDir(), "bulletins")
	copyDir(t, sites[1].src, src)
	out := filepath.Join(t.TempDir(), "public")
	run(t, src, out, now)

	at := func(p string) string { return filepath.Join(src, filepath.FromSlash(p)) }
	replace := func(p, old, new string) func(t *testing.T) {
		return func(t *testing.T) {
			data, err := os.ReadFile(at(p))
			if err != nil {
				t.Fatal(err)
			}
			if !bytes.Contains(data, []byte(old)) {
				t.Fatalf("%s does not hold %q", p, old)
			}
			os.WriteFile(at(p), bytes.Replace(data, []byte(old), []byte(new), 1), 0o644)
		}
	}
	move := func(from, to string) func(t *testing.T) {
		return func(t *testing.T) {
			os.MkdirAll(filepath.Dir(at(to)), 0o755)
			if err := os.Rename(at(from), at(to)); err != nil {
				t.Fatal(err)
			}
		}
	}
	steps := []struct {
		name string
		edit func(t *testing.T)
	}{
		{"reword a point", replace("2026/2026-03-06.yaml", "Pray for the hearing at the", "Pray, please, for the hearing at the")},
		{"rename a file", move("2026/2026-03-06.yaml", "2026/week-10.yaml")},
		{"move a file to another folder", move("2026/2026-03-20.yaml", "archive/2026-03-20.yaml")},
		{"retitle a bulletin", replace("archive/2026-03-20.yaml", "title: Prayer for the week", "title: Prayer for the third week")},
		{"reschedule a hearing", replace("archive/2026-03-20.yaml", "start: \"2026-04-14 14:00\"\n        end: \"2026-04-14 16:00\"",
			"start: \"2026-04-15 14:00\"\n        end: \"2026-04-15 16:00\"")},
		{"cancel a gathering", replace("2026/week-10.yaml", "        location: St Andrew's hall, Sydney; upstairs, room 2\n",
			"        location: St Andrew's hall, Sydney; upstairs, room 2\n        status: cancelled\n")},
		{"make a point private", replace("archive/2026-03-20.yaml", "    title: Spring conference cancelled\n", "    title: Spring conference cancelled\n    private: true\n")},
		{"add a bulletin", func(t *testing.T) {
			data, _ := os.ReadFile(at("2025/2025-06-13.yaml"))
			os.WriteFile(at("2025/2025-06-20.yaml"), bytes.Replace(data, []byte("2025-06-13"), []byte("2025-06-20"), -1), 0o644)
		}},
		{"delete a bulletin", func(t *testing.T) { os.Remove(at("2024/2024-12-20.yaml")) }},
		{"edit site.yaml", replace("site.yaml", "description: ", "description: Edited. ")},
		{"edit a published page by hand", func(t *testing.T) {
			os.WriteFile(filepath.Join(out, "index.html"), []byte("vandalised"), 0o644)
		}},
		{"edit a published feed by hand, keeping its size", func(t *testing.T) {
			p := filepath.Join(out, "feeds", "all.rss")
			data, _ := os.ReadFile(p)
			os.WriteFile(p, bytes.ToUpper(data), 0o644)
		}},
		{"delete a published feed by hand", func(t *testing.T) { os.Remove(filepath.Join(out, "feeds", "all.atom")) }},
	}
	for _, step := range steps {
		ok := t.Run(step.name, func(t *testing.T) {
			step.edit(t)
			prev, err := build.ReadManifest(filepath.Join(out, build.ManifestFile))
			if err != nil {
				t.Fatal(err)
			}
			run(t, src, out, now)
			scratch := filepath.Join(t.TempDir(), "public")
			root, err := os.OpenRoot(src)
			if err != nil {
				t.Fatal(err)
			}
			defer root.Close()
			if _, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(now), Out: scratch, Previous: prev}); err != nil {
				t.Fatal(err)
			}
			if got, want := tree(t, out), tree(t, scratch); got != want {
				t.Errorf("the rebuilt output differs from a build from scratch:\n%s", firstDifference(got, want))
			}
		})
		if !ok {
			break // each step edits what the one before left
		}
	}
}

// firstDifference returns the first line at which two trees (see tree)
// differ, with its neighbours.
func firstDifference(got, want string) string {
	g, w := strings.Split(got, "\n"), strings.Split(want, "\n")
	for i := 0; i < min(len(g), len(w)); i++ {
		if g[i] != w[i] {
			return "got:  " + strings.Join(g[max(0, i-2):min(len(g), i+3)], "\n      ") + "\nwant: " + strings.Join(w[max(0, i-2):min(len(w), i+3)], "\n      ")
		}
	}
	return "one is longer"
}

// copyDir copies the folder src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}
