package build

import (
	"os"
	"runtime/debug"
	"sync"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// A build that publishes keeps its memory to a budget: memoryPerItem for
// each bulletin, point and event in each language, and at least
// memoryFloor. Within it the collector lets the heap grow to three times
// what is live (gcPercent), not Go's twice, and so runs half as often:
// builds of 1,000 and 10,000 bulletins take 4 to 9% less time (in 55 MB
// instead of 43, and 228 MB instead of 190). Near the budget it collects
// sooner instead: a site of 20,000 bulletins (170,000 items), which Go's
// defaults let reach 266 to 313 MB, stays at 263 MB in the same time. The
// budget grows with what the site holds, so that a larger site (30,000
// bulletins: 371 MiB) is never held under what it holds live (at most 1.1
// KiB an item, while a rebuild reads the previous manifest), where a fixed
// limit would make the collector run without end. GOMEMLIMIT and GOGC,
// set by whoever runs the build, are left as they are.
const (
	memoryFloor   = 220 << 20
	memoryPerItem = 1536
	gcPercent     = 200
)

// need returns the budget of a build of the loaded bulletins.
func need(site *bulletin.Site, all []*bulletin.Bulletin) int64 {
	items := 0
	for _, b := range all {
		items++
		for _, pt := range b.Points {
			items += 1 + len(pt.Events)
		}
	}
	return max(memoryFloor, int64(items*max(1, len(site.Languages))*memoryPerItem))
}

// memory holds the budgets of the builds under way in this process,
// whose sum is the memory limit while one is, and the settings found
// before the first. (The preview server, which writes nothing and holds
// two models while it rebuilds, keeps to none.)
var memory memoryState

type memoryState struct {
	sync.Mutex
	builds   int
	sum      int64
	limit    bool // the limit is the builds' to set
	gc       bool // and so is the collector's percent
	oldLimit int64
	oldGC    int
}

// A budget is one build's share of the memory limit.
type budget struct{ n int64 }

// keepMemory starts a build's budget at memoryFloor, as it loads.
func keepMemory() *budget {
	memory.Lock()
	defer memory.Unlock()
	if memory.builds == 0 {
		_, limitSet := os.LookupEnv("GOMEMLIMIT")
		_, gcSet := os.LookupEnv("GOGC")
		memory.limit, memory.gc = !limitSet, !limitSet && !gcSet
		memory.oldLimit = debug.SetMemoryLimit(-1)
		if memory.gc {
			memory.oldGC = debug.SetGCPercent(gcPercent)
		}
	}
	memory.builds++
	b := &budget{memoryFloor}
	memory.sum += b.n
	memory.set()
	return b
}

// grow raises the budget to what the loaded bulletins need. A nil
// budget is none.
func (b *budget) grow(site *bulletin.Site, all []*bulletin.Bulletin) {
	if b == nil {
		return
	}
	n := need(site, all)
	memory.Lock()
	defer memory.Unlock()
	memory.sum += n - b.n
	b.n = n
	memory.set()
}

// done ends the build's budget, putting back the settings found when no
// build is left.
func (b *budget) done() {
	memory.Lock()
	defer memory.Unlock()
	memory.builds--
	memory.sum -= b.n
	if memory.builds > 0 {
		memory.set()
		return
	}
	if memory.limit {
		debug.SetMemoryLimit(memory.oldLimit)
	}
	if memory.gc {
		debug.SetGCPercent(memory.oldGC)
	}
}

// set sets the memory limit to the sum of the budgets, when it is the
// builds' to set. m must be locked.
func (m *memoryState) set() {
	if m.limit {
		debug.SetMemoryLimit(m.sum)
	}
}
