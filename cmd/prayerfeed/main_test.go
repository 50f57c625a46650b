package main

import (
	"bytes"
	"context"
	"errors"
	"fmt"
	"io/fs"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"golang.org/x/tools/txtar"

	"github.com/prayerfeed/prayerfeed/internal/golden"
)

// realClock must never be called: every test fixes the clock.
func realClock() time.Time { panic("the test used the real clock") }

func noEnv(string) string { return "" }

// runTest runs prayerfeed with args and returns its output and error.
func runTest(t *testing.T, args ...string) (stdout, stderr string, err error) {
	t.Helper()
	var out, errb bytes.Buffer
	err = run(args, &out, &errb, noEnv, realClock)
	return out.String(), errb.String(), err
}

func TestUsage(t *testing.T) {
	tests := []struct {
		args []string
		want error
	}{
		{nil, errUsage},
		{[]string{"publish"}, errUsage},
		{[]string{"build", "-bogus"}, errUsage},
		{[]string{"build", "extra"}, errUsage},
		{[]string{"check", "-now", "yesterday"}, errUsage},
		{[]string{"new", "-now", "2026-11-22", "-date", "27/11/2026", "-src", filepath.Join("..", "..", "bulletins")}, errUsage},
	}
	for _, tt := range tests {
		_, stderr, err := runTest(t, tt.args...)
		if !errors.Is(err, tt.want) {
			t.Errorf("run %q: got %v, want %v", tt.args, err, tt.want)
		}
		if stderr == "" {
			t.Errorf("run %q: printed nothing on stderr", tt.args)
		}
	}
}

func TestHelp(t *testing.T) {
	stdout, _, err := runTest(t, "-h")
	if err != nil {
		t.Fatal(err)
	}
	for _, want := range []string{"prayerfeed build", "prayerfeed check", "prayerfeed new", "PRAYERFEED_NOW", "Exit status"} {
		if !strings.Contains(stdout, want) {
			t.Errorf("the manual does not mention %q", want)
		}
	}
	if strings.Contains(stdout, "package main") || strings.Contains(stdout, "/*") {
		t.Errorf("the manual shows Go source:\n%s", stdout)
	}
	golden.Check(t, filepath.Join("testdata", "help.golden"), []byte(stdout))
}

func TestNowFrom(t *testing.T) {
	env := func(m map[string]string) func(string) string { return func(k string) string { return m[k] } }
	real := func() time.Time { return time.Date(2030, 1, 2, 3, 4, 5, 0, time.FixedZone("X", 3600)) }
	ny, _ := time.LoadLocation("America/New_York")
	tests := []struct {
		flag string
		env  map[string]string
		want time.Time // in New York
	}{
		{"", nil, time.Date(2030, 1, 2, 2, 4, 5, 0, time.UTC)},
		{"2026-11-27", nil, time.Date(2026, 11, 27, 0, 0, 0, 0, ny)},
		{"2026-11-27T09:00:00-05:00", nil, time.Date(2026, 11, 27, 14, 0, 0, 0, time.UTC)},
		{"", map[string]string{"PRAYERFEED_NOW": "2026-01-01"}, time.Date(2026, 1, 1, 0, 0, 0, 0, ny)},
		{"", map[string]string{"SOURCE_DATE_EPOCH": "1795000000"}, time.Date(2030, 1, 2, 2, 4, 5, 0, time.UTC)},
		{"2026-11-27", map[string]string{"PRAYERFEED_NOW": "2026-01-01"}, time.Date(2026, 11, 27, 0, 0, 0, 0, ny)},
	}
	for _, tt := range tests {
		m, err := nowFrom(tt.flag, env(tt.env), real)
		if got := m.in(ny); err != nil || !got.Equal(tt.want) {
			t.Errorf("nowFrom(%q, %v) = %v, %v; want %v", tt.flag, tt.env, got, err, tt.want)
		}
	}
}

// copyDir copies the folder src into dst.
func copyDir(t *testing.T, src, dst string) {
	t.Helper()
	if err := os.CopyFS(dst, os.DirFS(src)); err != nil {
		t.Fatal(err)
	}
}

func TestBuildSample(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	_, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-v")
	if err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "wrote "+filepath.Join("public", "feeds", "all.atom")) {
		t.Errorf("-v did not list feeds/all.atom:\n%s", stderr)
	}
	lines := strings.Split(strings.TrimSpace(stderr), "\n")
	last := lines[len(lines)-1]
	if !strings.HasPrefix(last, "prayerfeed: 2 bulletins, 10 points, 9 events; ") {
		t.Errorf("summary line = %q", last)
	}
	// A rebuild with nothing changed renders the site again and writes
	// nothing, and removes what a killed build left beside the output.
	stale := filepath.Join(".public.staging-0123456789ab", "feeds")
	os.MkdirAll(stale, 0o755)
	_, stderr, err = runTest(t, "build", "-now", "2026-11-28")
	if err != nil || !strings.Contains(stderr, "2 bulletins, 10 points, 9 events; 0 files of ") {
		t.Errorf("a rebuild with nothing changed: %v\n%s", err, stderr)
	}
	if _, err := os.Stat(stale); err == nil {
		t.Errorf("a rebuild left the staging folder of a killed build")
	}
	// A published file deleted by hand comes back, and one edited by
	// hand is put right, even when the edit keeps its size.
	os.Remove(filepath.Join("public", "feeds", "all.atom"))
	robots := filepath.Join("public", "robots.txt")
	data, _ := os.ReadFile(robots)
	os.WriteFile(robots, bytes.ToUpper(data), 0o644)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil || !strings.Contains(stderr, "; 2 files of ") {
		t.Errorf("a rebuild after deleting feeds/all.atom and editing robots.txt: %v\n%s", err, stderr)
	}
	if after, _ := os.ReadFile(robots); !bytes.Equal(after, data) {
		t.Errorf("robots.txt edited by hand was not put right:\n%s", after)
	}
	if _, stderr, err := runTest(t, "check", "-now", "2026-11-28"); err != nil || stderr != "prayerfeed: no problems: 2 bulletins, 10 points, 9 events published\n" {
		t.Errorf("check: %v\n%s", err, stderr)
	}
}

const defaultSite = `title: Test Prayer
description: Test bulletins
base_url: https://prayer.example.org/
id_domain: prayer.example.org
timezone: America/New_York
organization:
  name: Test Org
regions:
  - id: africa
    name: Africa
  - id: south-asia
    name: South Asia
`

// TestBadInput runs build on every archive in testdata/bad. Each holds a
// source folder (bulletins/..., with a default site.yaml unless it has
// one) and the exact stderr expected. The build must fail with exit
// status 1 and leave public/ byte for byte as it was.
func TestBadInput(t *testing.T) {
	archives, _ := filepath.Glob(filepath.Join("testdata", "bad", "*.txtar"))
	if len(archives) == 0 {
		t.Fatal("no archives in testdata/bad")
	}
	for _, name := range archives {
		t.Run(strings.TrimSuffix(filepath.Base(name), ".txtar"), func(t *testing.T) {
			archive, _ := filepath.Abs(name)
			ar, err := txtar.ParseFile(archive)
			if err != nil {
				t.Fatal(err)
			}
			dir := t.TempDir()
			files := map[string][]byte{"bulletins/site.yaml": []byte(defaultSite)}
			var want []byte
			for _, f := range ar.Files {
				if f.Name == "stderr" {
					want = f.Data
					continue
				}
				files[f.Name] = f.Data
			}
			for p, data := range files {
				p = filepath.Join(dir, filepath.FromSlash(p))
				os.MkdirAll(filepath.Dir(p), 0o755)
				if err := os.WriteFile(p, data, 0o644); err != nil {
					t.Fatal(err)
				}
			}
			public := filepath.Join(dir, "public")
			os.MkdirAll(filepath.Join(public, "feeds"), 0o755)
			os.WriteFile(filepath.Join(public, "feeds", "all.atom"), []byte("the site as it was\n"), 0o644)
			before := snapshot(t, public)

			t.Chdir(dir)
			_, stderr, err := runTest(t, "build", "-now", "2026-11-28")
			if !errors.Is(err, errReported) {
				t.Errorf("build: got %v, want exit status 1", err)
			}
			if golden.Updating() {
				for i := range ar.Files {
					if ar.Files[i].Name == "stderr" {
						ar.Files[i].Data = []byte(stderr)
					}
				}
				if err := os.WriteFile(archive, txtar.Format(ar), 0o644); err != nil {
					t.Fatal(err)
				}
			} else if stderr != string(want) {
				t.Errorf("stderr:\n%s\nwant:\n%s", stderr, want)
			}
			if after := snapshot(t, public); after != before {
				t.Errorf("public/ changed:\n%s\nwas:\n%s", after, before)
			}
		})
	}
}

// snapshot describes every file under dir with its bytes and mode time.
func snapshot(t *testing.T, dir string) string {
	t.Helper()
	var b strings.Builder
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			t.Fatal(err)
		}
		info, _ := d.Info()
		b.WriteString(p + " " + info.ModTime().String() + "\n")
		if !d.IsDir() {
			data, _ := os.ReadFile(p)
			b.Write(data)
		}
		return nil
	})
	return b.String()
}

func TestVersion(t *testing.T) {
	for _, arg := range []string{"version", "-version"} {
		stdout, _, err := runTest(t, arg)
		if err != nil || !strings.HasPrefix(stdout, "prayerfeed ") || !strings.Contains(stdout, "go1.") {
			t.Errorf("%s: %v, %q", arg, err, stdout)
		}
	}
}

// TestInit starts a site as a new user would, with flags: it checks and
// builds without a warning, and a mistake writes nothing.
func TestInit(t *testing.T) {
	t.Chdir(t.TempDir())
	flags := []string{"init", "-now", "2026-11-29", "-name", "St Mary's: Justice", "-url", "https://prayer.stmarys.example", "-timezone", "America/Chicago", "-regions", "Africa, Amérique latine"}
	if _, stderr, err := runTest(t, append(flags[:len(flags):len(flags)], "-timezone", "Dallas", "site")...); err == nil ||
		!strings.Contains(stderr, `prayerfeed init: -timezone: timezone: unknown time zone "Dallas"`) || !strings.Contains(stderr, `(Dallas is in "America/Chicago")`) {
		t.Errorf("init with a city for a zone: %v\n%s", err, stderr)
	}
	if _, err := os.Stat("site"); err == nil {
		t.Errorf("init with a mistake wrote site/")
	}
	if _, stderr, err := runTest(t, append(flags[:len(flags):len(flags)], "-regions", "Asia, asia", "site")...); err == nil || !strings.Contains(err.Error(), `-regions names "asia" twice`) {
		t.Errorf("init with a region twice: %v\n%s", err, stderr)
	}
	// A folder with the first bulletin's file already: nothing written.
	os.MkdirAll(filepath.Join("taken", "2026"), 0o755)
	os.WriteFile(filepath.Join("taken", "2026", "2026-12-04.yaml"), nil, 0o644)
	if _, _, err := runTest(t, append(flags, "taken")...); err == nil {
		t.Errorf("init over a bulletin: no error")
	}
	if _, err := os.Stat(filepath.Join("taken", "site.yaml")); err == nil {
		t.Errorf("init over a bulletin wrote site.yaml")
	}
	if _, stderr, err := runTest(t, "init", "-now", "2026-11-29", "-url", "https://x.example/", "site"); err == nil || !strings.Contains(err.Error(), "give the organisation's name with -name") {
		t.Errorf("init without a name: %v\n%s", err, stderr)
	}
	stdout, stderr, err := runTest(t, append(flags, "site")...)
	if err != nil || stdout != "site/site.yaml\nsite/2026/2026-12-04.yaml\n" {
		t.Fatalf("init: %v\n%s%s", err, stdout, stderr)
	}
	site := string(mustRead(t, filepath.Join("site", "site.yaml")))
	for _, want := range []string{"id_domain: prayer.stmarys.example\n", "base_url: https://prayer.stmarys.example/\n", "  - id: amerique-latine\n"} {
		if !strings.Contains(site, want) {
			t.Errorf("site.yaml has no %q:\n%s", want, site)
		}
	}
	_, stderr, err = runTest(t, "build", "-src", "site", "-out", "public", "-now", "2026-11-29")
	if err != nil || strings.Contains(stderr, "warning") {
		t.Errorf("build of the new site: %v\n%s", err, stderr)
	}
	if _, _, err := runTest(t, append(flags, "site")...); err == nil || !strings.Contains(err.Error(), "already has a site.yaml") {
		t.Errorf("init over a site: %v", err)
	}
}

// TestLiveManifest builds as the publishing workflow does, from a fresh
// checkout, comparing IDs with the manifest of the site as published.
func TestLiveManifest(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	live := http.NewServeMux()
	srv := httptest.NewTLSServer(live)
	defer srv.Close()
	defer func(c *http.Client) { httpClient = c }(httpClient)
	httpClient = srv.Client()
	site := filepath.Join("bulletins", "site.yaml")
	os.WriteFile(site, bytes.Replace(mustRead(t, site), []byte("https://prayer.example.org/"), []byte(srv.URL+"/prayer/"), 1), 0o644)

	_, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-out", "first")
	if err != nil || !strings.Contains(stderr, "/prayer/.site-manifest.json is not there: comparing IDs with the manifest in the output folder") {
		t.Fatalf("first publication: %v\n%s", err, stderr)
	}
	published := mustRead(t, filepath.Join("first", ".site-manifest.json"))
	// Without a live manifest, the one in the output folder stands: a
	// host that hides it does not let a changed ID through.
	b := filepath.Join("bulletins", "2026", "2026-11-20.yaml")
	before := mustRead(t, b)
	os.WriteFile(b, bytes.Replace(before, []byte("  - region: latin-america\n"), []byte("  - region: latin-america\n    id: renamed\n"), 1), 0o644)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-strict", "-out", "first"); !errors.Is(err, errReported) {
		t.Errorf("a renamed point, the live manifest missing, the local one there: %v\n%s", err, stderr)
	}
	os.WriteFile(b, before, 0o644)
	live.HandleFunc("/prayer/.site-manifest.json", func(w http.ResponseWriter, r *http.Request) { w.Write(published) })
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-strict", "-out", "second"); err != nil {
		t.Errorf("a rebuild: %v\n%s", err, stderr)
	}
	os.WriteFile(b, bytes.Replace(mustRead(t, b), []byte("  - region: latin-america\n"), []byte("  - region: latin-america\n    id: renamed\n"), 1), 0o644)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-strict", "-out", "third"); !errors.Is(err, errReported) || !strings.Contains(stderr, "problem with published IDs") {
		t.Errorf("a build that renames a published point: %v\n%s", err, stderr)
	}
	// A domain that does not exist yet (as DNS says): a first publication.
	httpClient = &http.Client{Transport: &http.Transport{DialContext: func(context.Context, string, string) (net.Conn, error) {
		return nil, &net.DNSError{Err: "no such host", Name: "prayer.example.org", IsNotFound: true}
	}}}
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-out", "fifth"); err != nil || !strings.Contains(stderr, "has no address yet, so no published manifest") {
		t.Errorf("a build for a domain that does not exist yet: %v\n%s", err, stderr)
	}
	httpClient = srv.Client()
	live.HandleFunc("/prayer/", func(w http.ResponseWriter, r *http.Request) { http.Error(w, "down", http.StatusServiceUnavailable) })
	srv.Close()
	if _, _, err := runTest(t, "build", "-now", "2026-11-28", "-manifest", "live", "-out", "fourth"); err == nil || !strings.Contains(err.Error(), "fetching the live site's manifest") {
		t.Errorf("a build when the live site cannot be reached: %v", err)
	}
}

func TestNew(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	// A new site, whose site.yaml does not say its id_domain yet.
	site := filepath.Join("bulletins", "site.yaml")
	os.WriteFile(site, bytes.Replace(mustRead(t, site), []byte("id_domain: prayer.example.org\n"), nil, 1), 0o644)
	// Sunday 2026-11-29 in New York: the next Friday is 2026-12-04.
	stdout, stderr, err := runTest(t, "new", "-now", "2026-11-29T15:00:00Z")
	if err != nil {
		t.Fatalf("new: %v\n%s", err, stderr)
	}
	if !strings.Contains(stderr, "bulletins/site.yaml:3:1: id_domain: prayer.example.org\n") || !bytes.Contains(mustRead(t, site), []byte("\nid_domain: prayer.example.org\n")) {
		t.Errorf("new did not write id_domain into site.yaml:\n%s", stderr)
	}
	want := filepath.Join("bulletins", "2026", "2026-12-04.yaml")
	if strings.TrimSpace(stdout) != want {
		t.Errorf("new printed %q, want %q", stdout, want)
	}
	data, err := os.ReadFile(want)
	if err != nil {
		t.Fatal(err)
	}
	if !bytes.Contains(data, []byte("date: 2026-12-04\n")) || !bytes.Contains(data, []byte("draft: true\n")) {
		t.Errorf("the new bulletin is not a draft of 2026-12-04:\n%s", data)
	}
	if _, stderr, err := runTest(t, "check", "-now", "2026-12-05"); err != nil {
		t.Errorf("the new draft does not pass check: %v\n%s", err, stderr)
	}
	before, _ := os.ReadFile(want)
	// Its Friday now taken, new moves on to the next.
	stdout, _, err = runTest(t, "new", "-now", "2026-11-29T15:00:00Z")
	if next := filepath.Join("bulletins", "2026", "2026-12-11.yaml"); err != nil || strings.TrimSpace(stdout) != next {
		t.Errorf("second new: %v, %q; want %s", err, stdout, next)
	}
	_, _, err = runTest(t, "new", "-now", "2026-11-29", "-date", "2026-12-04")
	if err == nil || !strings.Contains(err.Error(), "already holds the bulletin of 2026-12-04") {
		t.Errorf("new -date 2026-12-04: got %v", err)
	}
	if after, _ := os.ReadFile(want); !bytes.Equal(before, after) {
		t.Errorf("new changed %s", want)
	}
	// A file in the way that is not a bulletin of that date.
	os.WriteFile(filepath.Join("bulletins", "2026", "2026-12-18.yaml"), []byte("# notes\n"), 0o644)
	_, _, err = runTest(t, "new", "-now", "2026-11-29", "-date", "2026-12-18")
	if err == nil || !strings.Contains(err.Error(), "never writes over") {
		t.Errorf("new over an existing file: got %v", err)
	}
	os.Remove(filepath.Join("bulletins", "2026", "2026-12-18.yaml"))
	// A date that a bulletin already holds, in another file.
	_, _, err = runTest(t, "new", "-now", "2026-11-29", "-date", "2026-11-20")
	if err == nil || !strings.Contains(err.Error(), "already holds the bulletin of 2026-11-20") {
		t.Errorf("new -date 2026-11-20: got %v", err)
	}
}

// TestImport imports a seed into the sample site as its writer would:
// a draft of the next Friday that check passes and build leaves out,
// then, told to publish it, a bulletin that check holds back until its
// titles are written.
func TestImport(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	seed, err := filepath.Abs(filepath.Join("..", "..", "internal", "draft", "testdata", "seeds", "2026-11-27.txt"))
	if err != nil {
		t.Fatal(err)
	}
	t.Chdir(dir)
	// The sample holds this seed's bulletin: without it, the seed is new.
	os.Remove(filepath.Join("bulletins", "2026", "2026-11-27.yaml"))
	os.Remove(filepath.Join("bulletins", "2026", "2026-11-27.es.yaml"))
	stdout, stderr, err := runTest(t, "import", "-now", "2026-11-29", seed)
	want := filepath.Join("bulletins", "2026", "2026-12-04.yaml")
	if err != nil || !strings.HasPrefix(stdout, want+": a draft; 4 guesses and 0 texts not placed are marked in it.") {
		t.Fatalf("import: %v\n%s%s", err, stdout, stderr)
	}
	_, stderr, err = runTest(t, "check", "-now", "2026-12-05")
	if err != nil || !strings.Contains(stderr, want+`:10:8: a draft, not published, with 5 placeholders (TODO) still to write (the first at line 31); then delete "draft: true" to publish it`) ||
		!strings.HasSuffix(stderr, "; 1 bulletin not yet\n") {
		t.Errorf("check of the imported draft: %v\n%s", err, stderr)
	}
	// The preview shows the draft, and says it is one.
	var log strings.Builder
	site, err := newServer("bulletins", func() moment { return moment{t: time.Date(2026, 12, 5, 0, 0, 0, 0, time.UTC)} }, &log).Build()
	if err != nil {
		t.Fatal(err)
	}
	f, ok := site.Files["bulletins/2026-12-04/index.html"]
	if !ok {
		t.Fatalf("the preview has no page of the draft")
	}
	page, _ := f.Render()
	if !strings.Contains(string(page), "A draft, shown only in this preview") || !strings.Contains(log.String(), "(shown in this preview)") {
		t.Errorf("the preview does not say the draft is one:\n%s", log.String())
	}
	data := mustRead(t, want)
	os.WriteFile(want, bytes.Replace(data, []byte("draft: true\n"), nil, 1), 0o644)
	_, stderr, err = runTest(t, "check", "-now", "2026-12-05")
	if err == nil || strings.Count(stderr, "title still holds the placeholder") != 5 {
		t.Errorf("published with its titles still to write: %v\n%s", err, stderr)
	}
	os.WriteFile(want, data, 0o644)
	// The same date again, the same text again, and the usage.
	os.WriteFile("other.txt", []byte("Africa\n\nPray for the courts in Gulu.\n"), 0o644)
	if _, _, err := runTest(t, "import", "-now", "2026-11-29", "other.txt", "-date", "2026-12-04"); err == nil || !strings.Contains(err.Error(), "already holds the bulletin of 2026-12-04") {
		t.Errorf("import over a bulletin: %v", err)
	}
	if _, _, err := runTest(t, "import", "-now", "2026-11-29", seed); err == nil || !strings.Contains(err.Error(), want+" already holds this text's points") {
		t.Errorf("import of the same text again: %v", err)
	}
	if _, stderr, err := runTest(t, "import"); !errors.Is(err, errUsage) || !strings.Contains(stderr, "name one file") {
		t.Errorf("import without a file: %v\n%s", err, stderr)
	}
	if _, stderr, err := runTest(t, "import", "other.txt", "-h"); err != nil || !strings.Contains(stderr, "usage: prayerfeed import [flags] FILE") {
		t.Errorf("import FILE -h: %v\n%s", err, stderr)
	}
	if _, stderr, err := runTest(t, "import", "-now", "2026-11-29", "--", "-date"); err == nil || !strings.Contains(err.Error(), "-date") || errors.Is(err, errUsage) {
		t.Errorf("import -- -date, a file of that name: %v\n%s", err, stderr)
	}
	if after := mustRead(t, want); !bytes.Equal(after, data) {
		t.Errorf("import changed %s", want)
	}
}

// TestCheckBuiltSite checks a built site, then breaks it as a bad deploy
// would and checks that check -out says what is wrong.
func TestCheckBuiltSite(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if _, stderr, err := runTest(t, "check", "-now", "2026-11-28", "-out", "public"); err != nil {
		t.Fatalf("check -out on a good site: %v\n%s", err, stderr)
	}
	os.RemoveAll(filepath.Join("public", "bulletins", "2026-11-20"))
	os.WriteFile(filepath.Join("public", "feeds", "africa.atom"), []byte("<feed><entry>"), 0o644)
	os.WriteFile(filepath.Join("public", "calendars", "all.ics"), []byte("BEGIN:VCALENDAR\nEND:VCALENDAR\n"), 0o644)
	_, stderr, err := runTest(t, "check", "-now", "2026-11-28", "-out", "public")
	if !errors.Is(err, errReported) {
		t.Fatalf("check -out on a broken site: %v", err)
	}
	for _, want := range []string{
		filepath.Join("public", "feeds", "africa.atom") + ": not well-formed XML",
		filepath.Join("public", "calendars", "all.ics") + ": a line does not end in CRLF",
		filepath.Join("public", "feeds", "all.atom") + ": link https://prayer.example.org/bulletins/2026-11-20/ leads to no file",
		filepath.Join("public", "events", "dr-hearing-santo-domingo.ics") + ": link https://prayer.example.org/bulletins/2026-11-20/#latin-america-1 leads to no file",
	} {
		if !strings.Contains(stderr, want) {
			t.Errorf("check -out does not say %q:\n%s", want, stderr)
		}
	}
}

// TestStrictIDs re-dates a published bulletin: build -strict fails at the
// bulletin and writes nothing, and build warns.
func TestStrictIDs(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	file := filepath.Join("bulletins", "2026", "2026-11-20.yaml")
	data, _ := os.ReadFile(file)
	os.WriteFile(file, bytes.Replace(data, []byte("date: 2026-11-20"), []byte("date: 2026-11-19"), 1), 0o644)
	before := snapshot(t, "public")
	_, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-strict")
	want := "bulletins/2026/2026-11-20.yaml:1:7: warning: the file is named for 2026-11-20 but the bulletin is dated 2026-11-19: rename it 2026-11-19.yaml, so that the file and its date agree\n" +
		"bulletins/2026/2026-11-20.yaml:1:1: this bulletin was published as tag:prayer.example.org,2026-11-20:2026-11-20: its date or id changed"
	if !errors.Is(err, errReported) || !strings.HasPrefix(stderr, want) || !strings.HasSuffix(stderr, "prayerfeed: 1 problem with published IDs; nothing was written\n") {
		t.Errorf("build -strict: %v\n%s", err, stderr)
	}
	if snapshot(t, "public") != before {
		t.Errorf("build -strict wrote files")
	}
	_, stderr, err = runTest(t, "build", "-now", "2026-11-28")
	if err != nil || !strings.Contains(stderr, "bulletins/2026/2026-11-20.yaml:1:1: warning: this bulletin was published as") {
		t.Errorf("build: %v\n%s", err, stderr)
	}
}

// TestSequenceNeverDrops takes a later mention of an event out of its
// bulletin: the bulletins alone would give it a lower SEQUENCE, but the
// previous build's manifest keeps it rising.
func TestSequenceNeverDrops(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	seq := func() string {
		data, _ := os.ReadFile(filepath.Join("public", "events", "dr-hearing-san-cristobal.ics"))
		m := regexp.MustCompile(`SEQUENCE:(\d+)`).FindSubmatch(data)
		if m == nil {
			t.Fatalf("no SEQUENCE in:\n%s", data)
		}
		return string(m[1])
	}
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if got := seq(); got != "1" {
		t.Fatalf("SEQUENCE %s after the postponement, want 1", got)
	}
	file := filepath.Join("bulletins", "2026", "2026-11-27.yaml")
	data, _ := os.ReadFile(file)
	i := bytes.Index(data, []byte("    events:\n      # The San Crist"))
	j := bytes.Index(data, []byte("        status: postponed\n"))
	if i < 0 || j < 0 {
		t.Fatal("the sample no longer has the postponed hearing where this test expects it")
	}
	os.WriteFile(file, append(data[:i:i], data[j+len("        status: postponed\n"):]...), 0o644)
	// and from the Spanish, which may not name an event its bulletin lacks.
	es := filepath.Join("bulletins", "2026", "2026-11-27.es.yaml")
	data, _ = os.ReadFile(es)
	os.WriteFile(es, regexp.MustCompile(`(?m)^  dr-hearing-san-cristobal:\n    title: .*\n`).ReplaceAll(data, nil), 0o644)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	if got := seq(); got != "2" {
		t.Errorf("SEQUENCE %s after the postponement was taken back, want 2", got)
	}
}

// TestIDs inserts a point without an id above one that has none: build
// warns where it stands; ids writes an id into every point without one,
// giving the published point back the ID readers know it by, and
// id_domain into site.yaml; then the build is quiet and the old request
// keeps its ID in every feed.
func TestIDs(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	site := filepath.Join("bulletins", "site.yaml")
	data := mustRead(t, site)
	os.WriteFile(site, bytes.Replace(data, []byte("id_domain: prayer.example.org\n"), nil, 1), 0o644)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil || !strings.Contains(stderr, "bulletins/site.yaml:7:11: warning: site.yaml has no id_domain") {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	file := filepath.Join("bulletins", "2026", "2026-11-20.yaml")
	data = mustRead(t, file)
	i := bytes.Index(data, []byte("  - region: south-asia"))
	os.WriteFile(file, slices.Concat(data[:i], []byte("  - region: south-asia\n    kind: prayer\n    title: A new shelter\n    body: Pray for the shelter opening in Chennai, and the girls who will live there.\n"), data[i:]), 0o644)
	_, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-strict")
	if !errors.Is(err, errReported) || !strings.Contains(stderr, "bulletins/2026/2026-11-20.yaml:63:5: this point has no id, and so takes south-asia-1, which was published for another request, \"Convictions against slave owners\"") {
		t.Fatalf("build -strict: %v\n%s", err, stderr)
	}
	stdout, stderr, err := runTest(t, "ids", "-now", "2026-11-28")
	if err != nil || !strings.Contains(stdout, "bulletins/2026/2026-11-20.yaml:63:5: id: south-asia-2\n") || !strings.Contains(stdout, "bulletins/2026/2026-11-20.yaml:67:5: id: south-asia-1\n") ||
		!strings.Contains(stdout, "bulletins/site.yaml:3:1: id_domain: prayer.example.org\n") {
		t.Fatalf("ids: %v\n%s%s", err, stdout, stderr)
	}
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28", "-strict"); err != nil || strings.Contains(stderr, "warning") {
		t.Errorf("build -strict after ids: %v\n%s", err, stderr)
	}
	if stdout, _, err := runTest(t, "ids", "-now", "2026-11-28"); err != nil || stdout != "" {
		t.Errorf("ids again: %v\n%s", err, stdout)
	}
	atom := string(mustRead(t, filepath.Join("public", "feeds", "south-asia.atom")))
	if !regexp.MustCompile(`<title>Convictions against slave owners</title>\s*<updated>[^<]*</updated>\s*<id>tag:prayer.example.org,2026-11-20:2026-11-20/south-asia-1</id>`).MatchString(atom) {
		t.Errorf("the published request lost its ID:\n%.3000s", atom)
	}
}

func mustRead(t *testing.T, path string) []byte {
	t.Helper()
	data, err := os.ReadFile(path)
	if err != nil {
		t.Fatal(err)
	}
	return data
}

// TestManyProblems checks that a folder of many bad files prints the
// first problems and then how many more, not megabytes of them.
func TestManyProblems(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	for i := range 250 {
		os.WriteFile(filepath.Join("bulletins", fmt.Sprintf("bad-%03d.yaml", i)), []byte("date: 2026-02-30\n"), 0o644)
	}
	_, stderr, err := runTest(t, "check", "-now", "2026-11-28")
	shown := strings.Count(stderr, "\nbulletins/") + 1 // each problem, then its line and a caret
	if !errors.Is(err, errReported) || shown != maxPrinted {
		t.Fatalf("check: %v, %d problems shown:\n%s", err, shown, stderr)
	}
	if want := "\nprayerfeed: 800 more problems not shown, in 200 files; mend those above and run again\n"; !strings.Contains(stderr, want) {
		t.Errorf("no %q in\n%s", want, stderr[len(stderr)-300:])
	}
}

// TestServeLanguages checks that the preview serves every language of
// the sample: its Spanish pages and feeds at their paths.
func TestServeLanguages(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	var log strings.Builder
	site, err := newServer("bulletins", func() moment { return moment{t: time.Date(2026, 11, 28, 12, 0, 0, 0, time.UTC)} }, &log).Build()
	if err != nil {
		t.Fatal(err)
	}
	for p, want := range map[string]string{
		"es/bulletins/2026-11-27/index.html": `<html lang="es">`,
		"es/feeds/all.rss":                   "<language>es</language>",
		"es/calendars/all.ics":               "Audiencia judicial",
	} {
		f, ok := site.Files[p]
		if !ok {
			t.Errorf("the preview has no %s", p)
			continue
		}
		data, err := f.Render()
		if err != nil || !strings.Contains(string(data), want) {
			t.Errorf("%s: %v, no %q in it", p, err, want)
		}
	}
}
