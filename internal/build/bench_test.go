package build_test

import (
	"os"
	"path/filepath"
	"strconv"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/corpus"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// The benchmarks run on a generated corpus of benchBulletins bulletins
// (go test -bench . ./internal/build); bench/run times the whole command
// on larger ones.
var benchBulletins = benchSize()

var benchNow = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

func benchCorpus(b *testing.B) *os.Root {
	b.Helper()
	dir := filepath.Join(b.TempDir(), "bulletins")
	if err := corpus.Write(dir, benchBulletins, 8, 1); err != nil {
		b.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		b.Fatal(err)
	}
	b.Cleanup(func() { root.Close() })
	return root
}

func BenchmarkLoad(b *testing.B) {
	root := benchCorpus(b)
	for b.Loop() {
		if _, _, errs := load.Dir(root.FS(), "bulletins"); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

func BenchmarkValidate(b *testing.B) {
	root := benchCorpus(b)
	site, bs, _ := load.Dir(root.FS(), "bulletins")
	for b.Loop() {
		if errs, _ := bulletin.ValidateAll(site, bs, benchNow); len(errs) > 0 {
			b.Fatal(errs)
		}
	}
}

// BenchmarkRender renders each row of the table of outputs alone.
func BenchmarkRender(b *testing.B) {
	root := benchCorpus(b)
	loaded, _, err := build.Load(root.FS(), "bulletins", benchNow)
	if err != nil {
		b.Fatal(err)
	}
	for _, o := range build.Outputs {
		name := strings.NewReplacer("/", "_", "<", "", ">", "").Replace(o.Path)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				s := &build.Site{Site: loaded.Site, Bulletins: loaded.Bulletins, Now: loaded.Now}
				if _, err := o.All(s); err != nil {
					b.Fatal(err)
				}
			}
		})
	}
}

// BenchmarkBuild loads, validates, renders and publishes the whole site,
// first into an empty folder, then again with nothing changed.
func BenchmarkBuild(b *testing.B) {
	root := benchCorpus(b)
	build1 := func(out string) {
		s, _, err := build.Load(root.FS(), "bulletins", benchNow)
		if err != nil {
			b.Fatal(err)
		}
		files, err := build.Render(s)
		if err != nil {
			b.Fatal(err)
		}
		if _, err := build.Publish(out, files, s.Manifest(files)); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("fresh", func(b *testing.B) {
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			i++
			build1(filepath.Join(dir, "public"+string(rune('a'+i%26))+strings.Repeat("x", i/26)))
		}
	})
	b.Run("unchanged", func(b *testing.B) {
		out := filepath.Join(b.TempDir(), "public")
		build1(out)
		for b.Loop() {
			build1(out)
		}
	})
}

// benchSize is the corpus size: 1000, or PRAYERFEED_BENCH_N.
func benchSize() int {
	if n, err := strconv.Atoi(os.Getenv("PRAYERFEED_BENCH_N")); err == nil && n > 0 {
		return n
	}
	return 1000
}
