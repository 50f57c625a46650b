package build_test

import (
	"os"
	"runtime"
	"runtime/pprof"
	"sync"
	"testing"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

func TestZZHeap(t *testing.T) {
	dir := os.Getenv("ZZDIR")
	if dir == "" {
		t.Skip()
	}
	m := model(t, dir, benchNow)
	runtime.GC()
	var ms runtime.MemStats
	runtime.ReadMemStats(&ms)
	t.Logf("model: heap %d MB", ms.HeapAlloc>>20)
	st, _ := build.OpenStage(t.TempDir() + "/out")
	n := 0
	var mu sync.Mutex
	build.Render(m, func(f build.File) error {
		mu.Lock()
		n++
		if n == 40000 {
			runtime.GC()
			runtime.ReadMemStats(&ms)
			t.Logf("mid-render: heap %d MB", ms.HeapAlloc>>20)
			f, _ := os.Create("/dev/shm/pf/heap.out")
			pprof.WriteHeapProfile(f)
			f.Close()
		}
		mu.Unlock()
		return st.Add(f)
	})
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("after render: heap %d MB", ms.HeapAlloc>>20)
	man := m.Manifest()
	runtime.GC()
	runtime.ReadMemStats(&ms)
	t.Logf("with manifest: heap %d MB", ms.HeapAlloc>>20)
	st.Commit(man)
	st.Discard()
}
