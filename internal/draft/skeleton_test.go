package draft_test

import (
	"path/filepath"
	"strings"
	"testing"
	"testing/fstest"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/draft"
	"github.com/prayerfeed/prayerfeed/internal/golden"
	"github.com/prayerfeed/prayerfeed/internal/load"
)

// TestSkeleton: the skeleton loads as a draft with no problem or
// warning; published as it is, its placeholders are problems; and text
// typed over them, apostrophes and quotation marks included, breaks
// nothing.
func TestSkeleton(t *testing.T) {
	_, _, siteYAML := sample(t)
	check := func(yaml string) (errs, warns bulletin.ErrorList) {
		site, all, errs := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}, "2026/2026-11-27.yaml": {Data: []byte(yaml)}}, "bulletins")
		verrs, warns := bulletin.ValidateAll(site, all, time.Date(2026, 11, 28, 0, 0, 0, 0, time.UTC))
		errs.Append(verrs)
		return errs, warns
	}
	site, _, _ := load.Dir(fstest.MapFS{"site.yaml": {Data: []byte(siteYAML)}}, "bulletins")
	sk := string(draft.Skeleton(site, bulletin.Date{Year: 2026, Month: 11, Day: 27}, "Test"))
	golden.Check(t, filepath.Join("testdata", "skeleton.yaml.golden"), []byte(sk))
	if errs, warns := check(sk); len(errs)+len(warns) > 0 {
		t.Errorf("the skeleton has problems or warnings:\n%v\n%v", errs, warns)
	}
	if strings.ContainsAny(sk, `'"`) && strings.Contains(strings.Split(sk, "\nitems:")[0], ": '") {
		t.Errorf("the skeleton quotes text in single quotes")
	}
	published := strings.Replace(sk, "draft: true\n", "", 1)
	if errs, _ := check(published); len(errs) == 0 {
		t.Errorf("the skeleton without draft: true has no problems; want its placeholders reported")
	}
	typed := strings.ReplaceAll(published, bulletin.Placeholder, `God's "faithful" people`)
	if errs, _ := check(typed); len(errs) > 0 {
		t.Errorf("text typed over the placeholders: %v", errs)
	}
	for _, r := range site.Regions {
		if !strings.Contains(sk, "region: "+r.ID) {
			t.Errorf("the skeleton has no point for region %q", r.ID)
		}
	}
	events := strings.NewReplacer("    #   - id", "      - id", "    #     ", "        ", "    # events:", "    events:").Replace(sk)
	if errs, _ := check(events); len(errs) > 0 || events == sk {
		t.Errorf("the skeleton's event, uncommented: %v", errs)
	}
}
