package serve

import (
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"sync"
	"sync/atomic"
	"testing"
	"time"

	// Registers -update, so that "go test ./... -update" runs here too.
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

// testSite is a site of three files under /prayer/.
func testSite() (*Site, error) {
	file := func(mediaType, data string) File {
		return File{MediaType: mediaType, Render: func() ([]byte, error) { return []byte(data), nil }}
	}
	return &Site{Base: "/prayer/", Files: map[string]File{
		"index.html":       file("text/html; charset=utf-8", "<h1>home</h1>"),
		"404.html":         file("text/html; charset=utf-8", "<h1>not found</h1>"),
		"feeds/all.atom":   file("application/atom+xml", "<feed/>"),
		"feeds/index.html": file("text/html; charset=utf-8", "<h1>feeds</h1>"),
	}}, nil
}

func newTestServer(t *testing.T, build func() (*Site, error)) *Server {
	t.Helper()
	s := &Server{Src: t.TempDir(), Build: build, Log: log.New(io.Discard, "", 0)}
	s.Rebuild()
	return s
}

func get(t *testing.T, h http.Handler, path string, header ...string) *http.Response {
	t.Helper()
	req := httptest.NewRequest(http.MethodGet, "http://localhost"+path, nil)
	if strings.Contains(path, "..") {
		req.URL.Path = path // as a raw client would send it
	}
	for i := 0; i+1 < len(header); i += 2 {
		req.Header.Set(header[i], header[i+1])
	}
	w := httptest.NewRecorder()
	h.ServeHTTP(w, req)
	return w.Result()
}

func TestServe(t *testing.T) {
	s := newTestServer(t, testSite)
	tests := []struct {
		path   string
		status int
		body   string
	}{
		{"/prayer/", 200, "<h1>home</h1>"},
		{"/prayer/feeds/all.atom", 200, "<feed/>"},
		{"/", 302, ""},
		{"/prayer/nothing.html", 404, "<h1>not found</h1>"},
		{"/prayer/../secret.txt", 404, "<h1>not found</h1>"},
		{"/prayer/%2e%2e/secret.txt", 404, "<h1>not found</h1>"},
		{"/elsewhere/index.html", 404, "<h1>not found</h1>"},
	}
	for _, tt := range tests {
		resp := get(t, s, tt.path)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != tt.status || (tt.body != "" && string(body) != tt.body) {
			t.Errorf("GET %s: %d %q, want %d %q", tt.path, resp.StatusCode, body, tt.status, tt.body)
		}
	}
	if resp := get(t, s, "/prayer//feeds"); resp.StatusCode != 301 || resp.Header.Get("Location") != "/prayer/feeds/" {
		t.Errorf("GET /prayer//feeds: %d to %q, want 301 to /prayer/feeds/", resp.StatusCode, resp.Header.Get("Location"))
	}
	resp := get(t, s, "/prayer/feeds/all.atom")
	if ct := resp.Header.Get("Content-Type"); ct != "application/atom+xml" || resp.Header.Get("Access-Control-Allow-Origin") != "*" {
		t.Errorf("feed headers: %v", resp.Header)
	}
	etag := resp.Header.Get("ETag")
	if resp := get(t, s, "/prayer/feeds/all.atom", "If-None-Match", etag); resp.StatusCode != http.StatusNotModified {
		t.Errorf("conditional GET with ETag %s: %d, want 304", etag, resp.StatusCode)
	}
}

func TestServeShowsProblems(t *testing.T) {
	fail := errors.New("bulletins/2026/a.yaml:3:7: unknown key \"tilte\" <script>")
	s := newTestServer(t, func() (*Site, error) { return nil, fail })
	for _, path := range []string{"/prayer/", "/prayer/feeds/all.atom", "/prayer/nothing"} {
		resp := get(t, s, path)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 500 || !strings.Contains(string(body), `bulletins/2026/a.yaml:3:7: unknown key &#34;tilte&#34; &lt;script&gt;`) {
			t.Errorf("GET %s after a failed build: %d\n%s", path, resp.StatusCode, body)
		}
	}
}

// TestServeShowsFirstProblems checks that the page of a build with
// thousands of problems shows the first and says how many more.
func TestServeShowsFirstProblems(t *testing.T) {
	var list bulletin.ErrorList
	for i := range 3000 {
		list.Add(bulletin.Pos{File: fmt.Sprintf("bulletins/%d.yaml", i/3), Line: 1, Col: 1}, "problem %d", i)
	}
	s := newTestServer(t, func() (*Site, error) { return nil, list })
	body, _ := io.ReadAll(get(t, s, "/prayer/").Body)
	if n := strings.Count(string(body), ": problem "); n != maxShown || !strings.Contains(string(body), "… and 2800 more problems, in 934 files") {
		t.Errorf("the page shows %d problems:\n%.500s", n, body[len(body)-min(len(body), 500):])
	}
}

// TestServeRebuildsOnSave saves a file into a watched folder, and into a
// folder made after the server started: each brings a rebuild.
func TestServeRebuildsOnSave(t *testing.T) {
	s := &Server{Src: t.TempDir(), Build: testSite, Log: log.New(io.Discard, "", 0)}
	ctx, cancel := context.WithCancel(context.Background())
	defer cancel()
	ln, err := net.Listen("tcp", "127.0.0.1:0")
	if err != nil {
		t.Fatal(err)
	}
	go s.Serve(ctx, ln)
	waitFor(t, func() bool { return s.Builds() == 1 })
	os.WriteFile(filepath.Join(s.Src, "a.yaml"), []byte("x"), 0o644)
	waitFor(t, func() bool { return s.Builds() == 2 })
	os.Mkdir(filepath.Join(s.Src, "2027"), 0o755)
	waitFor(t, func() bool { return s.Builds() == 3 })
	os.WriteFile(filepath.Join(s.Src, "2027", "b.yaml"), []byte("x"), 0o644)
	waitFor(t, func() bool { return s.Builds() == 4 })
}

func waitFor(t *testing.T, cond func() bool) {
	t.Helper()
	for deadline := time.Now().Add(10 * time.Second); time.Now().Before(deadline); time.Sleep(5 * time.Millisecond) {
		if cond() {
			return
		}
	}
	t.Fatal("timed out")
}

// TestServeOnlyLoopbackNames checks that the server answers only
// loopback names, so that a page elsewhere cannot read the preview
// through a domain that resolves to this machine, unless told otherwise.
func TestServeOnlyLoopbackNames(t *testing.T) {
	s := newTestServer(t, testSite)
	for host, want := range map[string]int{
		"localhost:8080": 200, "127.0.0.1:8080": 200, "[::1]:8080": 200, "preview.localhost": 200, "LOCALHOST": 200,
		"evil.example:8080": 421, "192.168.1.5:8080": 421, "localhost.evil.example": 421,
	} {
		req := httptest.NewRequest(http.MethodGet, "http://localhost/prayer/", nil)
		req.Host = host
		w := httptest.NewRecorder()
		s.ServeHTTP(w, req)
		if w.Code != want {
			t.Errorf("Host %s: %d, want %d", host, w.Code, want)
		}
	}
	s.AnyHost = true
	req := httptest.NewRequest(http.MethodGet, "http://localhost/prayer/", nil)
	req.Host = "192.168.1.5:8080"
	w := httptest.NewRecorder()
	s.ServeHTTP(w, req)
	if w.Code != 200 {
		t.Errorf("AnyHost, Host 192.168.1.5:8080: %d, want 200", w.Code)
	}
}

// TestRebuildsOneAtATime: builds never overlap, however many saves come
// at once.
func TestRebuildsOneAtATime(t *testing.T) {
	var running, most atomic.Int32
	s := &Server{Log: log.New(io.Discard, "", 0), Build: func() (*Site, error) {
		n := running.Add(1)
		if n > most.Load() {
			most.Store(n)
		}
		time.Sleep(time.Millisecond)
		running.Add(-1)
		return &Site{Base: "/", Files: map[string]File{}}, nil
	}}
	var wg sync.WaitGroup
	for range 8 {
		wg.Go(func() { s.Rebuild() })
	}
	wg.Wait()
	if most.Load() != 1 || s.Builds() != 8 {
		t.Errorf("%d builds at once at most, %d in all; want 1 and 8", most.Load(), s.Builds())
	}
}
