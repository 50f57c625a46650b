package build

import (
	"math"
	"os"
	"path/filepath"
	"runtime/debug"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// loaded makes n loaded bulletins of 9 items each (a bulletin, 6 points
// and 2 events), of a site in langs.
func loaded(n int, langs ...string) (*bulletin.Site, []*bulletin.Bulletin) {
	var bs []*bulletin.Bulletin
	for range n {
		b := &bulletin.Bulletin{}
		for i := range 6 {
			pt := &bulletin.Point{}
			if i < 2 {
				pt.Events = []*bulletin.Event{{}}
			}
			b.Points = append(b.Points, pt)
		}
		bs = append(bs, b)
	}
	return &bulletin.Site{Languages: langs}, bs
}

// TestNeed checks a build's memory budget: the floor for a small site,
// more for a large one and for each language.
func TestNeed(t *testing.T) {
	for _, c := range []struct {
		n     int
		langs []string
		want  int64
	}{
		{50, nil, 220 << 20},
		{16000, []string{"en"}, 220 << 20},
		{30000, nil, 30000 * 9 * 1536},
		{10000, []string{"en", "fr", "es"}, 3 * 10000 * 9 * 1536},
	} {
		if got := need(loaded(c.n, c.langs...)); got != c.want {
			t.Errorf("%d bulletins in %d languages: budget %d MiB, want %d MiB", c.n, len(c.langs), got>>20, c.want>>20)
		}
	}
}

// TestKeepMemory checks the settings of builds under way: a memory limit
// of the sum of their budgets, from the floor as they load to what they
// need after, and the collector's percent; the settings found put back
// when none is left; and none set over GOMEMLIMIT or GOGC.
func TestKeepMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	gc := func() int {
		p := debug.SetGCPercent(-1)
		debug.SetGCPercent(p)
		return p
	}
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	// (t.Setenv puts them back after; unset, they are not set.)
	os.Unsetenv("GOMEMLIMIT")
	os.Unsetenv("GOGC")

	first := keepMemory()
	if got := limit(); got != 220<<20 || gc() != 200 {
		t.Errorf("one build loading: limit %d MiB and GOGC %d, want 220 and 200", got>>20, gc())
	}
	first.grow(loaded(30000))
	second := keepMemory()
	if got, want := limit(), int64(30000*9*1536+220<<20); got != want {
		t.Errorf("two builds: limit %d MiB, want %d", got>>20, want>>20)
	}
	first.done()
	if got := limit(); got != 220<<20 {
		t.Errorf("the first build done: limit %d MiB, want 220", got>>20)
	}
	second.done()
	if got := limit(); got != math.MaxInt64 || gc() != 100 {
		t.Errorf("both done: limit %d and GOGC %d, want none and 100", got, gc())
	}

	t.Setenv("GOGC", "50")
	b := keepMemory()
	if got := limit(); got != 220<<20 || gc() != 100 {
		t.Errorf("under GOGC=50: limit %d MiB and GOGC %d, want 220 and 100 (as found)", got>>20, gc())
	}
	b.done()
	t.Setenv("GOMEMLIMIT", "off")
	b = keepMemory()
	if got := limit(); got != math.MaxInt64 || gc() != 100 {
		t.Errorf("under GOMEMLIMIT=off: limit %d and GOGC %d, want none and 100", got, gc())
	}
	b.done()
}

// TestRunKeepsMemory checks that Run keeps a build that publishes to its
// budget while it runs, and puts the settings back after, and that a run
// that publishes nothing (the preview's) keeps to none.
func TestRunKeepsMemory(t *testing.T) {
	t.Setenv("GOMEMLIMIT", "")
	t.Setenv("GOGC", "")
	os.Unsetenv("GOMEMLIMIT")
	os.Unsetenv("GOGC")
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	defer debug.SetGCPercent(debug.SetGCPercent(100))
	for _, out := range []string{filepath.Join(t.TempDir(), "public"), ""} {
		var during int64
		_, err := Run(Options{Src: os.DirFS(filepath.Join("testdata", "site", "bulletins")), Name: "bulletins",
			Now: At(time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC)), Out: out,
			Progress: func(step string, _ int) {
				if step == "modelling" {
					during = debug.SetMemoryLimit(-1)
				}
			}})
		if err != nil {
			t.Fatal(err)
		}
		want := int64(math.MaxInt64)
		if out != "" {
			want = memoryFloor
		}
		if during != want {
			t.Errorf("Out %q: limit %d while modelling, want %d", out, during, want)
		}
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("Out %q: limit %d after the run, want none", out, got)
		}
	}
}
