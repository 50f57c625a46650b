package main

import (
	"net/http"
	"net/http/httptest"
	"os"
	"path/filepath"
	"slices"
	"strings"
	"sync"
	"testing"
)

// hub is a WebSub hub on loopback that records what it is told.
type hub struct {
	*httptest.Server
	mu     sync.Mutex
	topics []string
	status int
}

func newHub(t *testing.T) *hub {
	h := &hub{status: http.StatusNoContent}
	h.Server = httptest.NewServer(http.HandlerFunc(func(w http.ResponseWriter, r *http.Request) {
		if err := r.ParseForm(); err != nil || r.Method != http.MethodPost || r.Form.Get("hub.mode") != "publish" {
			http.Error(w, "bad request", http.StatusBadRequest)
			return
		}
		h.mu.Lock()
		defer h.mu.Unlock()
		if h.status/100 == 2 {
			h.topics = append(h.topics, r.Form.Get("hub.url"))
		}
		http.Error(w, "hub says no", h.status)
	}))
	t.Cleanup(h.Close)
	return h
}

func (h *hub) told() []string {
	h.mu.Lock()
	defer h.mu.Unlock()
	t := h.topics
	h.topics = nil
	return t
}

func TestPing(t *testing.T) {
	dir := t.TempDir()
	copyDir(t, filepath.Join("..", "..", "bulletins"), filepath.Join(dir, "bulletins"))
	t.Chdir(dir)
	if _, stderr, err := runTest(t, "build", "-now", "2026-11-28"); err != nil {
		t.Fatalf("build: %v\n%s", err, stderr)
	}
	h := newHub(t)

	_, stderr, err := runTest(t, "ping", "-hub", h.URL)
	if err != nil {
		t.Fatalf("ping: %v\n%s", err, stderr)
	}
	first := h.told()
	if len(first) != 21 || !slices.Contains(first, "https://prayer.example.org/feeds/all.atom") || !slices.IsSorted(first) {
		t.Errorf("first ping told %q; want the 21 head feeds (all, the regions, the diary)", first)
	}
	if !strings.Contains(stderr, "of 21 changed feeds; 0 unchanged") {
		t.Errorf("stderr: %s", stderr)
	}

	if _, _, err := runTest(t, "ping", "-hub", h.URL); err != nil {
		t.Fatal(err)
	}
	if got := h.told(); len(got) != 0 {
		t.Errorf("a second ping told %q; want nothing", got)
	}

	os.WriteFile(filepath.Join("public", "feeds", "africa.rss"), []byte("changed"), 0o644)
	stdout, _, err := runTest(t, "ping", "-n")
	if err != nil || strings.TrimSpace(stdout) != "https://prayer.example.org/feeds/africa.rss" {
		t.Errorf("ping -n: %v, %q", err, stdout)
	}
	if got := h.told(); len(got) != 0 {
		t.Errorf("ping -n told the hub %q", got)
	}

	h.status = http.StatusInternalServerError
	_, _, err = runTest(t, "ping", "-hub", h.URL)
	if err == nil || !strings.Contains(err.Error(), "refused https://prayer.example.org/feeds/africa.rss: 500 Internal Server Error: hub says no") {
		t.Errorf("ping to a failing hub: %v", err)
	}
	h.status = http.StatusNoContent
	if _, _, err := runTest(t, "ping", "-hub", h.URL); err != nil {
		t.Fatal(err)
	}
	if got := h.told(); !slices.Equal(got, []string{"https://prayer.example.org/feeds/africa.rss"}) {
		t.Errorf("after the failure, ping told %q; want only africa.rss", got)
	}

	if _, _, err := runTest(t, "ping", "-hub", h.URL, "-all"); err != nil {
		t.Fatal(err)
	}
	if got := h.told(); len(got) != 21 {
		t.Errorf("ping -all told %d feeds; want 21", len(got))
	}

	h.Close()
	os.WriteFile(filepath.Join("public", "feeds", "africa.rss"), []byte("changed again"), 0o644)
	_, _, err = runTest(t, "ping", "-hub", h.URL)
	if err == nil || !strings.Contains(err.Error(), "cannot reach the hub "+h.URL) {
		t.Errorf("ping to a closed hub: %v", err)
	}

	_, _, err = runTest(t, "ping")
	if err == nil || !strings.Contains(err.Error(), "site.yaml names no hub") {
		t.Errorf("ping without a hub: %v", err)
	}
}
