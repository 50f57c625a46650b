package main

import (
	"bytes"
	"context"
	"net"
	"net/http"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/cdproto/browser"
	"github.com/chromedp/cdproto/runtime"
	"github.com/chromedp/chromedp"
	"github.com/prayerfeed/prayerfeed/internal/serve"
)

// chromium returns the path of a Chromium to drive. The browser tests
// take some 15 s, so they run only with PRAYERFEED_LONG=1, as CI runs
// them; there, a missing Chromium fails them.
func chromium(t *testing.T) string {
	if os.Getenv("PRAYERFEED_LONG") == "" {
		t.Skip("a long test: PRAYERFEED_LONG=1 runs it (CI does)")
	}
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	t.Fatal("no Chromium here: install Debian's chromium to run the browser tests")
	return ""
}

// TestBrowser starts the preview server on the sample site and drives
// headless Chromium through it as a visitor would: the home page, a
// bulletin and its anchors and calendar links, the subscribe page and its
// copy button; then it edits a bulletin and sees the page change, and
// breaks it and sees the problem.
func TestBrowser(t *testing.T) {
	exe := chromium(t)
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	src := filepath.Join(dir, "bulletins")
	var logs bytes.Buffer
	fixed := moment{t: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)}
	srv, base := startPreview(t, src, fixed, &logs)
	run := startBrowser(t, exe, &logs)
	// The home page, and a screenshot of it.
	var title, h1 string
	var shot []byte
	run("home", chromedp.Navigate(base), chromedp.Title(&title), chromedp.Text("h1", &h1), chromedp.FullScreenshot(&shot, 80))
	if title != "IJM Prayer Bulletin" || h1 != "IJM Prayer Bulletin" {
		t.Errorf("home: title %q, h1 %q", title, h1)
	}
	shotPath := filepath.Join(os.TempDir(), "prayerfeed-home.jpg")
	if err := os.WriteFile(shotPath, shot, 0o644); err != nil || len(shot) < 10000 {
		t.Errorf("screenshot: %d bytes, %v", len(shot), err)
	}
	t.Logf("screenshot of the home page: %s", shotPath)

	// Follow the link to this week's bulletin.
	var location string
	run("follow this week's link", chromedp.Click(`#_latest a`, chromedp.ByQuery), chromedp.WaitVisible(`.bulletin`, chromedp.ByQuery), chromedp.Location(&location))
	if !strings.HasSuffix(location, "/bulletins/2026-11-27/") {
		t.Errorf("this week's link led to %s", location)
	}

	// An anchor that feeds and calendars link to, and its event's links.
	var point string
	var google, outlook, ics string
	run("anchor", chromedp.Navigate(base+"bulletins/2026-11-20/#latin-america-1"),
		chromedp.Text(`#latin-america-1 h3`, &point, chromedp.ByQuery),
		chromedp.AttributeValue(`#latin-america-1 .add a:nth-of-type(1)`, "href", &google, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#latin-america-1 .add a:nth-of-type(2)`, "href", &outlook, nil, chromedp.ByQuery),
		chromedp.AttributeValue(`#latin-america-1 .add a:nth-of-type(3)`, "href", &ics, nil, chromedp.ByQuery))
	if point != "Hearings in the Dominican Republic #" {
		t.Errorf("anchor #latin-america-1 shows %q", point)
	}
	if !strings.HasPrefix(google, "https://calendar.google.com/calendar/render?action=TEMPLATE") || !strings.Contains(google, "ctz=America%2FSanto_Domingo") {
		t.Errorf("Google link: %s", google)
	}
	if !strings.HasPrefix(outlook, "https://outlook.live.com/calendar/0/deeplink/compose?") {
		t.Errorf("Outlook link: %s", outlook)
	}
	resp, err := http.Get(strings.TrimSuffix(base, "/") + ics)
	if err != nil || resp.StatusCode != 200 || resp.Header.Get("Content-Type") != "text/calendar; charset=utf-8" {
		t.Errorf("the .ics link %s: %v %v", ics, err, resp)
	} else {
		resp.Body.Close()
	}

	// The subscribe page: the copy button copies the address.
	run("grant the clipboard", browser.GrantPermissions([]browser.PermissionType{browser.PermissionTypeClipboardReadWrite, browser.PermissionTypeClipboardSanitizedWrite}).WithOrigin(strings.TrimSuffix(base, "/")))
	var copied, label, want string
	run("copy", chromedp.Navigate(base+"subscribe/"),
		chromedp.WaitVisible(`#feeds > p button[data-copy]`, chromedp.ByQuery),
		chromedp.AttributeValue(`#feeds > p button[data-copy]`, "data-copy", &want, nil, chromedp.ByQuery),
		chromedp.Click(`#feeds > p button[data-copy]`, chromedp.ByQuery),
		chromedp.Sleep(200*time.Millisecond),
		chromedp.Text(`#feeds > p button[data-copy]`, &label, chromedp.ByQuery),
		chromedp.Evaluate(`navigator.clipboard.readText()`, &copied, func(p *runtime.EvaluateParams) *runtime.EvaluateParams { return p.WithAwaitPromise(true) }))
	if want != "https://prayer.example.org/feeds/all.rss" || copied != want || label != "Copied" {
		t.Errorf("copy button: copied %q (want %q), label %q", copied, want, label)
	}
	var webcal string
	run("webcal", chromedp.AttributeValue(`#calendars .buttons a[href^="webcal:"]`, "href", &webcal, nil, chromedp.ByQuery))
	if webcal != "webcal://prayer.example.org/calendars/all.ics" {
		t.Errorf("webcal link: %s", webcal)
	}

	// Edit a bulletin: the page follows.
	file := filepath.Join(src, "2026", "2026-11-27.yaml")
	orig, err := os.ReadFile(file)
	if err != nil {
		t.Fatal(err)
	}
	builds := srv.Builds()
	edited := bytes.Replace(orig, []byte("title: IJM Prayer Request"), []byte("title: IJM Prayer Request, edited"), 1)
	if err := os.WriteFile(file, edited, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return srv.Builds() > builds }, "the rebuild after an edit")
	var heading string
	run("edited", chromedp.Navigate(base+"bulletins/2026-11-27/"), chromedp.Text("h1", &heading))
	if heading != "IJM Prayer Request, edited" {
		t.Errorf("after the edit the page's heading is %q", heading)
	}

	// Break it: every page shows the problem.
	builds = srv.Builds()
	broken := bytes.Replace(orig, []byte("  reference: Hebrews 10:29-31"), []byte("  refrence: Hebrews 10:29-31"), 1)
	if err := os.WriteFile(file, broken, 0o644); err != nil {
		t.Fatal(err)
	}
	waitFor(t, func() bool { return srv.Builds() > builds }, "the rebuild after breaking the bulletin")
	var problems string
	run("broken", chromedp.Navigate(base+"bulletins/2026-11-20/"), chromedp.Text("#problems", &problems, chromedp.ByQuery))
	if !strings.Contains(problems, filepath.ToSlash(src)+`/2026/2026-11-27.yaml:`) || !strings.Contains(problems, `unknown key "refrence" in scripture (did you mean "reference"?)`) {
		t.Errorf("the page shows:\n%s", problems)
	}

	// Mend it: the site is back.
	builds = srv.Builds()
	os.WriteFile(file, orig, 0o644)
	waitFor(t, func() bool { return srv.Builds() > builds }, "the rebuild after mending the bulletin")
	run("mended", chromedp.Navigate(base+"bulletins/2026-11-27/"), chromedp.Text("h1", &heading))
	if heading != "IJM Prayer Request" {
		t.Errorf("after mending, the heading is %q", heading)
	}
}

// startPreview serves the site in src at the clock now on a free port,
// until the test ends, and returns the server and its address.
func startPreview(t *testing.T, src string, now moment, logs *bytes.Buffer) (*serve.Server, string) {
	srv := newServer(src, func() moment { return now }, logs)
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	ctx, cancel := context.WithCancel(context.Background())
	done := make(chan error, 1)
	go func() { done <- srv.Serve(ctx, ln) }()
	t.Cleanup(func() {
		cancel()
		if err := <-done; err != nil {
			t.Errorf("serve: %v", err)
		}
	})
	waitFor(t, func() bool { return srv.Builds() >= 1 }, "the first build")
	return srv, "http://" + ln.Addr().String() + "/"
}

// startBrowser starts headless Chromium for the test, and returns how to
// run actions in it, each within a minute, failing the test with the
// server's log.
func startBrowser(t *testing.T, exe string, logs *bytes.Buffer) func(what string, actions ...chromedp.Action) {
	// Chromium's helpers may still write to its profile as the test ends,
	// so the profile lives outside t.TempDir and goes when it can.
	profile, err := os.MkdirTemp("", "prayerfeed-chromium-")
	if err != nil {
		t.Fatal(err)
	}
	t.Cleanup(func() {
		for range 20 {
			if os.RemoveAll(profile) == nil {
				return
			}
			time.Sleep(100 * time.Millisecond)
		}
	})
	alloc, cancelAlloc := chromedp.NewExecAllocator(context.Background(), append(chromedp.DefaultExecAllocatorOptions[:],
		chromedp.ExecPath(exe), chromedp.NoSandbox, chromedp.DisableGPU,
		chromedp.Flag("disable-quic", true), chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true), chromedp.Flag("disable-sync", true),
		chromedp.UserDataDir(profile), chromedp.WindowSize(1000, 1600))...)
	browserCtx, cancelBrowser := chromedp.NewContext(alloc)
	t.Cleanup(func() { cancelBrowser(); cancelAlloc() })
	// Start the browser on browserCtx itself: a first Run on a context
	// with a timeout would close the browser when that context ends.
	if err := chromedp.Run(browserCtx); err != nil {
		t.Fatal(err)
	}
	return func(what string, actions ...chromedp.Action) {
		t.Helper()
		c, stop := context.WithTimeout(browserCtx, 60*time.Second)
		defer stop()
		if err := chromedp.Run(c, actions...); err != nil {
			t.Fatalf("%s: %v\nserver log:\n%s", what, err, logs.String())
		}
	}
}

// waitFor polls cond until it holds, failing after a minute.
func waitFor(t *testing.T, cond func() bool, what string) {
	t.Helper()
	for deadline := time.Now().Add(time.Minute); time.Now().Before(deadline); time.Sleep(50 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatalf("timed out waiting for %s", what)
}
