// Package serve is prayerfeed's preview server: it serves a built site
// as a static host would, rebuilds it when the bulletins change, and
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
	"os"
	"path"
	"path/filepath"
	"strings"
	"sync"
	"time"
)

// A Server serves the folder Out under the URL path Base, and calls
// Build whenever a file under Src changes.
type Server struct {
	Src   string // the folder of bulletins, watched
	Out   string // the built site, served
	Base  string // the URL path the site lives under, such as "/" or "/prayer/"
	Build func() error
	// MediaType returns the media type of a file by its path.
	MediaType func(string) string
	// Poll is how often Src is checked for changes.
	Poll time.Duration
	Log  *log.Logger

	mu  sync.RWMutex
	err error // of the last build
	gen int   // counts builds, for tests
}

// SetBase changes the URL path the site lives under, as a rebuild with a
// new base_url does.
func (s *Server) SetBase(base string) {
	s.mu.Lock()
	s.Base = base
	s.mu.Unlock()
}

// Rebuild runs Build and records its outcome.
func (s *Server) Rebuild() error {
	err := s.Build()
	s.mu.Lock()
	s.err = err
	s.gen++
	s.mu.Unlock()
	if err != nil {
		s.Log.Printf("build failed:\n%v", err)
	} else {
		s.Log.Printf("built %s", s.Out)
	}
	return err
}

// Builds returns how many builds have run.
func (s *Server) Builds() int {
	s.mu.RLock()
	defer s.mu.RUnlock()
	return s.gen
}

// Serve builds the site, then serves it on ln and watches Src until ctx
// is done.
func (s *Server) Serve(ctx context.Context, ln net.Listener) error {
	s.Rebuild()
	srv := &http.Server{Handler: s, ReadHeaderTimeout: 10 * time.Second}
	go s.watch(ctx)
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

// watch rebuilds whenever the fingerprint of Src changes.
func (s *Server) watch(ctx context.Context) {
	last := fingerprint(s.Src)
	tick := time.NewTicker(s.Poll)
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
// under dir: polling it is portable and cheap, and needs no watcher.
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

// ServeHTTP serves the file a request names, or the problems of the last
// build.
func (s *Server) ServeHTTP(w http.ResponseWriter, r *http.Request) {
	if r.Method != http.MethodGet && r.Method != http.MethodHead {
		w.Header().Set("Allow", "GET, HEAD")
		http.Error(w, "method not allowed", http.StatusMethodNotAllowed)
		return
	}
	s.mu.RLock()
	err, base := s.err, s.Base
	s.mu.RUnlock()
	if err != nil {
		s.problems(w, err)
		return
	}
	if !strings.HasPrefix(r.URL.Path, base) {
		if r.URL.Path == "/" {
			http.Redirect(w, r, base, http.StatusFound)
			return
		}
		s.notFound(w, r)
		return
	}
	name := strings.TrimPrefix(path.Clean("/"+strings.TrimPrefix(r.URL.Path, base)), "/")
	if name == "" || strings.HasSuffix(r.URL.Path, "/") {
		name = path.Join(name, "index.html")
	}
	root, err := os.OpenRoot(s.Out)
	if err != nil {
		http.Error(w, err.Error(), http.StatusInternalServerError)
		return
	}
	defer root.Close()
	f, err := root.Open(name)
	if err == nil {
		defer f.Close()
		info, serr := f.Stat()
		if serr == nil && info.IsDir() {
			// From the cleaned name: "//x" must not lead to another host.
			http.Redirect(w, r, base+name+"/", http.StatusMovedPermanently)
			return
		}
		if serr == nil {
			w.Header().Set("Content-Type", s.MediaType(name))
			w.Header().Set("ETag", fmt.Sprintf(`"%x-%x"`, info.ModTime().UnixNano(), info.Size()))
			w.Header().Set("X-Content-Type-Options", "nosniff")
			if strings.HasPrefix(name, "feeds") || strings.HasPrefix(name, "calendars/") || strings.HasPrefix(name, "events/") {
				w.Header().Set("Access-Control-Allow-Origin", "*")
			}
			http.ServeContent(w, r, name, info.ModTime(), f)
			return
		}
	}
	s.notFound(w, r)
}

func (s *Server) notFound(w http.ResponseWriter, r *http.Request) {
	data, err := os.ReadFile(filepath.Join(s.Out, "404.html"))
	if err != nil {
		http.NotFound(w, r)
		return
	}
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
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
<script>setTimeout(function () { location.reload(); }, 2000);</script>
</body>
</html>
`))

// problems answers every request with the problems of the failed build.
func (s *Server) problems(w http.ResponseWriter, err error) {
	var buf bytes.Buffer
	problemsPage.Execute(&buf, err.Error())
	w.Header().Set("Content-Type", "text/html; charset=utf-8")
	w.Header().Set("Cache-Control", "no-store")
	w.WriteHeader(http.StatusInternalServerError)
	w.Write(buf.Bytes())
}
