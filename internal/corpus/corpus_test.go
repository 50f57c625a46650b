package corpus_test

import (
	"os"
	"path/filepath"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/corpus"
	_ "github.com/prayerfeed/prayerfeed/internal/golden" // -update
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// TestCorpusLoads checks that a generated corpus is valid, has events,
// reschedules and repeats, and is the same for the same seed.
func TestCorpusLoads(t *testing.T) {
	dir := filepath.Join(t.TempDir(), "bulletins")
	if err := corpus.Write(dir, 200, 5, 7); err != nil {
		t.Fatal(err)
	}
	root, err := os.OpenRoot(dir)
	if err != nil {
		t.Fatal(err)
	}
	defer root.Close()
	site, bs, errs := load.Dir(root.FS(), "bulletins")
	verrs, warns := bulletin.ValidateAll(site, bs, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
	errs.Append(verrs)
	if len(errs) > 0 {
		t.Fatal(errs)
	}
	// Written as careful staff would: nothing to warn of either.
	if len(warns) > 0 {
		t.Errorf("%d warnings, such as %v", len(warns), warns[0])
	}
	if len(bs) != 200 || len(site.Regions) != 5 {
		t.Errorf("%d bulletins in %d regions, want 200 in 5", len(bs), len(site.Regions))
	}
	var events, repeats, changed int
	for _, tr := range bulletin.Track(bs) {
		events++
		if tr.Repeat != nil {
			repeats++
		}
		if tr.Sequence > 0 {
			changed++
		}
	}
	if events < 100 || repeats == 0 || changed == 0 {
		t.Errorf("%d events, %d repeating, %d changed later; want many, some and some", events, repeats, changed)
	}
	again := filepath.Join(t.TempDir(), "again")
	corpus.Write(again, 200, 5, 7)
	a, _ := os.ReadFile(filepath.Join(dir, "2026", "2026-11-20.yaml"))
	b, _ := os.ReadFile(filepath.Join(again, "2026", "2026-11-20.yaml"))
	if string(a) != string(b) || len(a) == 0 {
		t.Errorf("the same seed wrote different bulletins")
	}
}
