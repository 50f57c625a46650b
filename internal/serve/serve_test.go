package serve

import (
	"errors"
	"io"
	"log"
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"strings"
	"testing"

	// Registers -update, so that "go test ./... -update" runs here too.
	_ "github.com/prayerfeed/prayerfeed/internal/golden"
)

func newTestServer(t *testing.T, build func() error) (*Server, string) {
	t.Helper()
	dir := t.TempDir()
	out := filepath.Join(dir, "public")
	os.MkdirAll(filepath.Join(out, "feeds"), 0o755)
	os.WriteFile(filepath.Join(out, "index.html"), []byte("<h1>home</h1>"), 0o644)
	os.WriteFile(filepath.Join(out, "404.html"), []byte("<h1>not found</h1>"), 0o644)
	os.WriteFile(filepath.Join(out, "feeds", "all.atom"), []byte("<feed/>"), 0o644)
	os.WriteFile(filepath.Join(dir, "secret.txt"), []byte("secret"), 0o644)
	os.Symlink(filepath.Join(dir, "secret.txt"), filepath.Join(out, "link.txt"))
	s := &Server{Src: dir, Out: out, Base: "/prayer/", Build: build, Log: log.New(io.Discard, "", 0),
		MediaType: func(p string) string {
			if strings.HasSuffix(p, ".atom") {
				return "application/atom+xml"
			}
			return "text/html; charset=utf-8"
		}}
	s.Rebuild()
	return s, dir
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
	s, _ := newTestServer(t, func() error { return nil })
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
		{"/prayer/link.txt", 404, "<h1>not found</h1>"},
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
	s, _ := newTestServer(t, func() error { return fail })
	for _, path := range []string{"/prayer/", "/prayer/feeds/all.atom", "/prayer/nothing"} {
		resp := get(t, s, path)
		body, _ := io.ReadAll(resp.Body)
		if resp.StatusCode != 500 || !strings.Contains(string(body), `bulletins/2026/a.yaml:3:7: unknown key &#34;tilte&#34; &lt;script&gt;`) {
			t.Errorf("GET %s after a failed build: %d\n%s", path, resp.StatusCode, body)
		}
	}
}
