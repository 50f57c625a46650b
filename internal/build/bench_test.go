package build_test

import (
	"bytes"
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

// BenchmarkRender renders each row of the table of outputs alone, its
// files of one year sharing a Part as in a build.
func BenchmarkRender(b *testing.B) {
	root := benchCorpus(b)
	r, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(benchNow)})
	if err != nil {
		b.Fatal(err)
	}
	m := r.Model
	for _, o := range build.Outputs {
		name := strings.NewReplacer("/", "_", "<", "", ">", "").Replace(o.Path)
		b.Run(name, func(b *testing.B) {
			for b.Loop() {
				var buf bytes.Buffer
				for _, part := range m.Parts() {
					p := build.NewPart(m.Site.BaseURL)
					for _, j := range o.Files(m, part) {
						buf.Reset()
						if err := j.Render(&buf, p); err != nil {
							b.Fatal(err)
						}
					}
				}
			}
		})
	}
}

// BenchmarkModel builds the model of the loaded, validated corpus.
func BenchmarkModel(b *testing.B) {
	root := benchCorpus(b)
	site, all, _ := load.Dir(root.FS(), "bulletins")
	pub := bulletin.Public(all, benchNow)
	for b.Loop() {
		if _, err := build.NewModel(site, pub, benchNow, nil); err != nil {
			b.Fatal(err)
		}
	}
}

// BenchmarkBuild runs the whole pipeline, first into an empty folder,
// then again with nothing changed.
func BenchmarkBuild(b *testing.B) {
	root := benchCorpus(b)
	build1 := func(out string) {
		if _, err := build.Run(build.Options{Src: root.FS(), Name: "bulletins", Now: build.At(benchNow), Out: out}); err != nil {
			b.Fatal(err)
		}
	}
	b.Run("fresh", func(b *testing.B) {
		dir := b.TempDir()
		i := 0
		for b.Loop() {
			i++
			build1(filepath.Join(dir, "public"+strconv.Itoa(i)))
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
