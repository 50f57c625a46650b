package build

import (
	"math"
	"runtime/debug"
	"testing"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// TestKeepMemory checks the memory limit of a build: the floor for a
// small site, more for a large one and for each language, put back
// after, and none set over a limit the user set.
func TestKeepMemory(t *testing.T) {
	defer debug.SetMemoryLimit(debug.SetMemoryLimit(math.MaxInt64))
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
		restore := keepMemory(site(c.n, c.langs...))
		if got := debug.SetMemoryLimit(-1); got != c.want {
			t.Errorf("%d bulletins in %d languages: limit %d MiB, want %d MiB", c.n, len(c.langs), got>>20, c.want>>20)
		}
		restore()
		if got := debug.SetMemoryLimit(-1); got != math.MaxInt64 {
			t.Errorf("%d bulletins: limit %d after the build, want none", c.n, got)
		}
	}
	debug.SetMemoryLimit(1 << 30) // as GOMEMLIMIT=1GiB
	restore := keepMemory(site(30000))
	if got := debug.SetMemoryLimit(-1); got != 1<<30 {
		t.Errorf("the build set %d MiB over GOMEMLIMIT=1GiB", got>>20)
	}
	restore()
}
