package build_test

import (
	"bytes"
	"fmt"
	"io/fs"
	"math/rand/v2"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"syscall"
	"testing"
	"time"
)

// makeSite writes a site of n bulletins, copies of the sample's first
// with other dates, titled title, into a new folder, and returns it.
func makeSite(t *testing.T, n int, title string) string {
	t.Helper()
	dir := t.TempDir()
	sample := filepath.Join("..", "..", "bulletins")
	site, err := os.ReadFile(filepath.Join(sample, "site.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	one, err := os.ReadFile(filepath.Join(sample, "2026", "2026-11-20.yaml"))
	if err != nil {
		t.Fatal(err)
	}
	os.WriteFile(filepath.Join(dir, "site.yaml"), site, 0o644)
	if es, err := os.ReadFile(filepath.Join(sample, "site.es.yaml")); err == nil {
		os.WriteFile(filepath.Join(dir, "site.es.yaml"), es, 0o644)
	}
	day := time.Date(2020, 1, 3, 0, 0, 0, 0, time.UTC)
	for i := range n {
		d := day.AddDate(0, 0, 7*i).Format("2006-01-02")
		b := bytes.Replace(one, []byte("date: 2026-11-20"), []byte("date: "+d), 1)
		b = bytes.Replace(b, []byte("title: IJM Prayer Request"), []byte("title: "+title), 1)
		os.MkdirAll(filepath.Join(dir, d[:4]), 0o755)
		os.WriteFile(filepath.Join(dir, d[:4], d+".yaml"), b, 0o644)
	}
	return dir
}

// publishSite builds src into out in this process.
func publishSite(t *testing.T, src, out string) {
	t.Helper()
	run(t, src, out, killNow)
}

var killNow = time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC)

// TestKillChild is the build that TestKill runs in a process of its own
// and kills; it does nothing in a normal run.
func TestKillChild(t *testing.T) {
	spec := os.Getenv("PRAYERFEED_KILL_CHILD")
	if spec == "" {
		t.Skip("run by TestKill")
	}
	src, out, _ := strings.Cut(spec, string(os.PathListSeparator))
	publishSite(t, src, out)
}

// tree returns every file under dir with its bytes.
func tree(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	err := filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || d.IsDir() {
			return err
		}
		data, err := os.ReadFile(p)
		rel, _ := filepath.Rel(dir, p)
		fmt.Fprintf(&b, "%s %d\n", rel, len(data))
		b.Write(data)
		return err
	})
	if err != nil {
		t.Fatal(err)
	}
	return b.String()
}

// TestKill kills a build with SIGKILL at random moments, 10 of them, or
// 100 with PRAYERFEED_LONG=1 (as CI runs it), and checks that the output
// folder holds, every time, either the whole previous site or the whole
// new one.
func TestKill(t *testing.T) {
	if testing.Short() {
		t.Skip("slow")
	}
	kills := 10
	if os.Getenv("PRAYERFEED_LONG") != "" {
		kills = 100
	}
	srcA, srcB := makeSite(t, 12, "Old title"), makeSite(t, 12, "New title")
	scratch := t.TempDir()
	out := filepath.Join(scratch, "public")
	publishSite(t, srcB, out)
	siteB := tree(t, out)
	os.RemoveAll(out)
	publishSite(t, srcA, out)
	siteA := tree(t, out)

	exe, err := os.Executable()
	if err != nil {
		t.Fatal(err)
	}
	child := func() *exec.Cmd {
		cmd := exec.Command(exe, "-test.run=^TestKillChild$", "-test.count=1")
		cmd.Env = append(os.Environ(), "PRAYERFEED_KILL_CHILD="+srcB+string(os.PathListSeparator)+out)
		return cmd
	}
	start := time.Now()
	if out, err := child().CombinedOutput(); err != nil {
		t.Fatalf("child: %v\n%s", err, out)
	}
	took := time.Since(start)
	if tree(t, out) != siteB {
		t.Fatal("a whole child build does not publish the new site")
	}

	r := rand.New(rand.NewPCG(1, 2))
	counts := map[string]int{}
	for i := range kills {
		if tree(t, out) != siteA {
			publishSite(t, srcA, out)
		}
		cmd := child()
		if err := cmd.Start(); err != nil {
			t.Fatal(err)
		}
		time.Sleep(time.Duration(r.Int64N(int64(took) + 1)))
		cmd.Process.Signal(syscall.SIGKILL)
		cmd.Wait()
		switch tree(t, out) {
		case siteA:
			counts["old"]++
		case siteB:
			counts["new"]++
		default:
			t.Fatalf("kill %d: the output folder is neither the old site nor the new", i)
		}
	}
	t.Logf("killed %d builds (a whole one takes %v): %d left the old site, %d the new", kills, took.Round(time.Millisecond), counts["old"], counts["new"])
}
