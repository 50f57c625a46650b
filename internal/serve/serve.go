// Package serve is prayerfeed's preview server: it serves a site as a
// static host would, rendering each file from the last build's model when
// it is asked for, rebuilds the model as soon as a bulletin is saved, and
// shows the problems of a failed build on every page instead of the site
// as it was, so that whoever edits a bulletin sees at once what to fix.
package serve

import (
	"bytes"
	"context"
	"crypto/sha256"
	"encoding/hex"
	"errors"
	"fmt"
	"html/template"
	"io/fs"
	"log"
	"net"
	"net/http"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"

	"github.com/fsnotify/fsnotify"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
)

// A Site is what a build gives the server: the URL path the site lives
// under and its files, each rendered when asked for.
type Site struct {
	Base  string // such as "/" or "/prayer/"
	Files map[string]File
}

// A File is one file of a site, by its path.
type File struct {
	MediaType string
	Render    func() ([]byte, error)
}

// A Server serves the Site that Build returns, and calls Build again
// whenever a file under Src changes.
type Server struct {
	Src   string // the folder of bulletins, watched
	Build func() (*Site, error)
	Log   *log.Logger
	// Poll, when set, is how often Src is checked for changes where the
	// system cannot tell of them (see watch).
	Poll time.Duration
	// AnyHost makes the server answer requests for any host name. Left
	// false, it answers only loopback names (localhost, 127.0.0.1, [::1]),
	// so that a page elsewhere cannot read the preview through a domain
	// of its own that resolves to this machine (DNS rebinding).
	AnyHost bool

	building sync.Mutex // one build at a time: Build keeps a cache
	mu       sync.RWMutex
	site     *Site // of the last build that succeeded
	err      error // of the last build
	gen      int   // counts builds, for tests
}

// Rebuild runs Build and records its outcome. Builds run one at a time:
// a save during the first build waits for it.
func (s *Server) Rebuild() error {
	s.building.Lock()
	defer s.building.Unlock()
	start := time.Now()
	site, err := s.Build()
	s.mu.Lock()
	if err == nil {
		s.site = site
	}
	s.err = err
	s.gen++
	s.mu.Unlock()
	if err != nil {
		s.Log.Printf("build failed:\n%v", err)
	} else {
		s.Log.Printf("built in %s", time.Since(start).Round(time.Millisecond))
	}
	return err
}

// Builds returns how many builds have run.
func (s *Server) Builds() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Base returns the URL path the site lives under, "/" before a build.
func (s *Server) Base() string {
	s.mu.RLock()
	defer s.mu.RUnlock()
	if s.site == nil {
		return "/"
	}
	return s.site.Base
}

// Serve watches Src, builds the site, and serves it on ln, rebuilding it
// whenever Src changes, until ctx is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	w, err := fsnotify.NewWatcher()
	if err == nil {
		if err = addTree(w, s.Src); err != nil {
			w.Close()
		}
	}
	if err != nil {
		s.Log.Printf("cannot watch %s (%v); checking it for changes every %s instead", s.Src, err, s.poll())
		go s.pollChanges(ctx)
	} else {
		go s.watch(ctx, w)
	}
	s.Rebuild()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second, IdleTimeout: 30 * time.Second}
	go func() {
		<-ctx.Done()
		shutdown, cancel := context.WithTimeout(context.Background(), 5*time.Second)
		defer cancel()
		srv.Shutdown(shutdown)
	}()
	if err := srv.Serve(ln); !errors.Is(err, http.ErrServerClosed) {
		return err
	}
	return nil
}

// settle is how long the source must stay quiet after a change before a
// rebuild: an editor's save is often several writes and a rename.
const settle = 20 * time.Millisecond

// watch rebuilds whenever w, which watches Src, tells of a change: the
// system tells of it (inotify, kqueue, ReadDirectoryChangesW), and
// watching costs nothing while nothing changes. Where the system cannot
// watch, Serve falls back to pollChanges.
func (s *Server) watch(ctx context.Context, w *fsnotify.Watcher) {
	defer w.Close()
	quiet := time.NewTimer(time.Hour)
	quiet.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case ev, ok := <-w.Events:
			if !ok {
				return
			}
			if ev.Has(fsnotify.Create) {
				addTree(w, ev.Name) // a new folder is watched too
			}
			quiet.Reset(settle)
		case err, ok := <-w.Errors:
			if !ok {
				return
			}
			s.Log.Printf("watching %s: %v", s.Src, err)
			quiet.Reset(settle) // events may have been lost: look again
		case <-quiet.C:
			s.Rebuild()
		}
	}
}

// addTree watches the folder dir and every folder under it that the
// loader reads (not those whose names start with "." or "_").
func addTree(w *fsnotify.Watcher, dir string) error {
	return filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil || !d.IsDir() {
			return nil // gone already, or a file: its folder is watched
		}
		if p != dir && (strings.HasPrefix(d.Name(), ".") || strings.HasPrefix(d.Name(), "_")) {
			return fs.SkipDir
		}
		return w.Add(p)
	})
}

func (s *Server) poll() time.Duration {
	if s.Poll > 0 {
		return s.Poll
	}
	return time.Second
}

// pollChanges rebuilds whenever the names, sizes or modification times of
// the files under Src change, looking every Poll (a second by default).
func (s *Server) pollChanges(ctx context.Context) {
	last := fingerprint(s.Src)
	tick := time.NewTicker(s.poll())
	defer tick.Stop()
	for {
		select {
		case <-ctx.Done():
			return
		case <-tick.C:
			if fp := fingerprint(s.Src); fp != last {
				last = fp
				s.Rebuild()
			}
		}
	}
}

// fingerprint sums the names, sizes and modification times of the files
// under dir.
func fingerprint(dir string) string {
	h := sha256.New()
	filepath.WalkDir(dir, func(p string, d fs.DirEntry, err error) error {
		if err != nil {
			fmt.Fprintf(h, "%s error\n", p)
			return nil
		}
		if info, err := d.Info(); err == nil {
			fmt.Fprintf(h, "%s %d %d\n", p, info.Size(), info.ModTime().UnixNano())
		}
		return nil
	})
	return hex.EncodeToString(h.Sum(nil))
}

// ServeHTTP renders the file a request names, or shows the problems of
// the last build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	if !s.AnyHost && !loopbackHost(r.Host) {
		http.Error(w, "prayerfeed serve answers only localhost; to preview from other machines, start it with -addr 0.0.0.0:8080", http.StatusMisdirectedRequest)
		return
	}
	s.mu.RLock()
	site, err := s.site, s.err
	s.mu.RUnlock()
	if err != nil || site == nil {
		s.problems(w, err)
		return
	}
	if !strings.HasPrefix(r.URL.Path, site.Base) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, site.Base, http.StatusFound)
			return
		}
		s.notFound(w, r, site)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(r.URL.Path, site.Base)), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	f, ok := site.Files[name]
	if !ok {
		if _, dir := site.Files[path.Join(name, "index.html")]; dir {
			// From the cleaned name: "//x" must not lead to another host.
			http.Redirect(w, r, site.Base+name+"/", http.StatusMovedPermanently)
			return
		}
		s.notFound(w, r, site)
		return
	}
	data, err := f.Render()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	sum := sha256.Sum256(data)
	w.Header().Set("Content-Type", f.MediaType)
	w.Header().Set("ETag", `"`+hex.EncodeToString(sum[:12])+`"`)
	w.Header().Set("Cache-Control", "no-cache") // always ask again: the next save may change it
	w.Header().Set("X-Content-Type-Options", "nosniff")
	if strings.HasPrefix(name, "feeds") || strings.HasPrefix(name, "calendars/") || strings.HasPrefix(name, "events/") {
		w.Header().Set("Access-Control-Allow-Origin", "*")
	}
	http.ServeContent(w, r, name, time.Time{}, bytes.NewReader(data))
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request, site *Site) {
	f, ok := site.Files["404.html"]
	if !ok {
		http.NotFound(w, r)
		return
	}
	data, err := f.Render()
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	w.Header().Set("Content-Type", f.MediaType)
	w.WriteHeader(http.StatusNotFound)
	w.Write(data)
}

var problemsPage = template.Must(template.New("problems").Parse(`<!doctype html>
<html lang="en">
<head>
<meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>The build failed — prayerfeed</title>
<style>
body { font: 1rem/1.5 system-ui, sans-serif; max-width: 60rem; margin: 2rem auto; padding: 0 1rem; }
h1 { color: #a50e0e; }
pre { white-space: pre-wrap; background: #fdecea; padding: 1rem; border-radius: .3rem; }
</style>
</head>
<body>
<h1>The build failed</h1>
<p>Nothing was published. Fix these problems and save: this page updates itself.</p>
<pre id="problems">{{.}}</pre>
<script>setTimeout(function () { location.reload(); }, 1000);</script>
</body>
</html>
`))

// loopbackHost reports whether the Host header host names this machine
// by a loopback name or address.
func loopbackHost(host string) bool {
	if h, _, err := net.SplitHostPort(host); err == nil {
		host = h
	}
	host = strings.TrimSuffix(strings.Trim(host, "[]"), ".")
	if ip := net.ParseIP(host); ip != nil {
		return ip.IsLoopback()
	}
	host = strings.ToLower(host)
	return host == "localhost" || strings.HasSuffix(host, ".localhost")
}

// maxShown is the most problems the page of a failed build shows.
const maxShown = 200

// problems answers every request with the problems of the failed build.
func (s *Server) problems(w http.ResponseWriter, err error) {
	msg := "The site is being built."
	var list bulletin.ErrorList
	switch {
	case errors.As(err, &list) && len(list) > maxShown:
		// A folder of thousands of bad files: the first problems, and
		// how many more, rather than a page of megabytes.
		msg = list[:maxShown].Error() + fmt.Sprintf("\n… and %d more problems, in %d files", len(list)-maxShown, list[maxShown:].Files())
	case err != nil:
		msg = err.Error()
	}
	var buf bytes.Buffer
	problemsPage.Execute(&buf, msg)
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(buf.Bytes())
}
