package main

import (
	"bytes"
	"fmt"
	"os"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
)

// TestPagesInBrowser opens every kind of page of two sites in headless
// Chromium at a phone's width (390 pixels) and a desktop's (1280): no
// page scrolls sideways, each is kept as a screenshot in
// $PRAYERFEED_SCREENSHOTS (default: prayerfeed-screenshots in the
// temporary folder), and axe-core finds no accessibility violation on
// any, its folded parts opened. axe-core comes from npm, pinned by
// testdata/axe/package-lock.json (npm ci --prefix
// cmd/prayerfeed/testdata/axe); CI installs it and must run it.
func TestPagesInBrowser(t *testing.T) {
	exe := chromium(t)
	axe, err := os.ReadFile(filepath.Join("testdata", "axe", "node_modules", "axe-core", "axe.min.js"))
	if err != nil {
		if os.Getenv("CI") != "" {
			t.Fatal("CI must run axe-core: npm ci --prefix cmd/prayerfeed/testdata/axe")
		}
		t.Log("no axe-core here (npm ci --prefix cmd/prayerfeed/testdata/axe): checking widths only")
	}
	shots := os.Getenv("PRAYERFEED_SCREENSHOTS")
	if shots == "" {
		shots = filepath.Join(os.TempDir(), "prayerfeed-screenshots")
	}
	if err := os.MkdirAll(shots, 0o755); err != nil {
		t.Fatal(err)
	}
	t.Logf("screenshots in %s", shots)

	for _, site := range []struct {
		name  string
		src   string
		now   time.Time
		pages map[string]string // kind of page → path
	}{
		{"sample", filepath.Join("..", "..", "bulletins"), time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC), map[string]string{
			"home": "", "bulletin": "bulletins/2026-11-20/", "region": "regions/latin-america/", "archive": "archive/",
			"events": "events/", "subscribe": "subscribe/", "notfound": "no/such/page/",
		}},
		{"site", filepath.Join("..", "..", "internal", "build", "testdata", "site", "bulletins"), time.Date(2026, 4, 2, 12, 0, 0, 0, time.UTC), map[string]string{
			"home": "prayer/", "bulletin": "prayer/bulletins/2026-03-20/", "region": "prayer/regions/europe/", "archive": "prayer/archive/",
			"events": "prayer/events/", "subscribe": "prayer/subscribe/",
		}},
	} {
		t.Run(site.name, func(t *testing.T) {
			var logs bytes.Buffer
			_, base := startPreview(t, site.src, moment{t: site.now}, &logs)
			run := startBrowser(t, exe, &logs)
			for kind, path := range site.pages {
				for _, width := range []int64{390, 1280} {
					var overflow int
					var shot []byte
					run(fmt.Sprintf("%s at %d", kind, width), chromedp.EmulateViewport(width, 900),
						chromedp.Navigate(base+path), chromedp.WaitReady("body", chromedp.ByQuery),
						chromedp.Evaluate(`document.documentElement.scrollWidth - document.documentElement.clientWidth`, &overflow),
						chromedp.FullScreenshot(&shot, 100)) // PNG
					if overflow > 0 {
						t.Errorf("%s at %d pixels scrolls sideways by %d pixels", kind, width, overflow)
					}
					if err := os.WriteFile(filepath.Join(shots, fmt.Sprintf("%s-%s-%d.png", site.name, kind, width)), shot, 0o644); err != nil {
						t.Error(err)
					}
					if axe == nil {
						continue
					}
					var violations []string
					run("axe on "+kind, chromedp.Evaluate(`document.querySelectorAll("details").forEach(d => d.open = true)`, nil),
						chromedp.Evaluate(string(axe), nil),
						chromedp.Evaluate(`axe.run(document).then(r => r.violations.map(v => v.id + ": " + v.help + " at " +
							v.nodes.slice(0, 3).map(n => n.target.join(" ")).join(", ")))`, &violations,
							func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
					if len(violations) > 0 {
						t.Errorf("axe-core on %s at %d pixels:\n\t%s", kind, width, strings.Join(violations, "\n\t"))
					}
				}
			}
		})
	}
}
