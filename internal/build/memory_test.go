package build

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// TestBudget checks a build's memory budget: the floor for a small site,
// more for a large one and for each language.
func TestBudget(t *testing.T) {
	site := func(n int, langs ...string) (*bulletin.Site, []*bulletin.Bulletin) {
		var bs []*bulletin.Bulletin
		for range n {
			// 1 bulletin, 6 points and 2 events: 9 items
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
	for _, c := range []struct {
		n     int
		langs []string
		want  int64
	}{
		{50, nil, 250 << 20},
		{18000, []string{"en"}, 250 << 20},
		{30000, nil, 30000 * 9 * 1536},
		{10000, []string{"en", "fr", "es"}, 3 * 10000 * 9 * 1536},
	} {
		if got := budget(site(c.n, c.langs...)); got != c.want {
			t.Errorf("%d bulletins in %d languages: budget %d MiB, want %d MiB", c.n, len(c.langs), got>>20, c.want>>20)
		}
	}
}

// TestKeepMemory checks the memory limit of builds under way: the sum of
// their budgets, the limit found put back when none is left, and none
// set when the user set GOMEMLIMIT.
func TestKeepMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
	limit := func() int64 { return debug.SetMemoryLimit(-1) }
	first := keepMemory(300 << 20)
	if got := limit(); got != 300<<20 {
		t.Errorf("one build: limit %d MiB, want 300", got>>20)
	}
	second := keepMemory(500 << 20)
	if got := limit(); got != 800<<20 {
		t.Errorf("two builds: limit %d MiB, want 800", got>>20)
	}
	first()
	if got := limit(); got != 500<<20 {
		t.Errorf("the first build done: limit %d MiB, want 500", got>>20)
	}
	second()
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("both done: limit %d, want none", got)
	}

	t.Setenv("GOMEMLIMIT", "off")
	done := keepMemory(300 << 20)
	if got := limit(); got != math.MaxInt64 {
		t.Errorf("under GOMEMLIMIT=off: limit %d MiB, want none", got>>20)
	}
	done()
}
