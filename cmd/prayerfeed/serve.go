package main

import (
	"cmp"
	"context"
	"errors"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"
	"strings"
	"sync"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/serve"
)

// newServer returns the preview server of the site in src at the clock
// now, logging to stderr. Each build runs the pipeline up to the model,
// parsing only the files that changed since the last; each file is
// rendered from the model when it is asked for.
func newServer(src string, now func() moment, stderr io.Writer) *serve.Server {
	cache := new(load.Cache)
	var mu sync.Mutex // said is the builds' to share
	said := map[string]bool{}
	return &serve.Server{
		Src: src,
		Log: log.New(stderr, "prayerfeed serve: ", 0),
		Build: func() (*serve.Site, error) {
			root, err := openSource(src)
			if err != nil {
				return nil, err
			}
			defer root.Close()
			r, err := build.Run(build.Options{Src: root.FS(), Name: sourceName(src), Now: now().in, Cache: cache, Preview: true})
			var list bulletin.ErrorList
			if errors.As(err, &list) {
				// The page shows the problems as the terminal does:
				// the first, each with its line and a caret.
				var b strings.Builder
				printList(&b, list, newSource(root.FS(), sourceName(src)).explain, "problem", "problems")
				return nil, errors.New(strings.TrimSuffix(b.String(), "\n"))
			}
			if err != nil {
				return nil, err
			}
			// The drafts and the bulletins held back show as if
			// published, and the log says each once.
			mu.Lock()
			for _, h := range r.Held {
				if l := h.Error() + " (shown in this preview)"; !said[l] {
					said[l] = true
					fmt.Fprintln(stderr, l)
				}
			}
			mu.Unlock()
			m := r.Model
			site := &serve.Site{Base: m.Site.BaseURL.Path, Files: map[string]serve.File{}}
			for _, x := range m.Sites() {
				for _, part := range x.Parts() {
					for _, j := range x.Jobs(part) {
						site.Files[j.Path] = serve.File{MediaType: j.MediaType, Render: func() ([]byte, error) { return x.RenderFile(j) }}
					}
				}
			}
			return site, nil
		},
	}
}

func runServe(src, addr string, now func() moment, stderr io.Writer) error {
	ln, err := net.Listen("tcp", addr)
	if err != nil {
		return err
	}
	srv := newServer(src, now, stderr)
	// Listening beyond this machine, by -addr, is asking to be reached by
	// other names too.
	h, _, _ := net.SplitHostPort(addr)
	srv.AnyHost = h == "" || !(h == "localhost" || net.ParseIP(h) != nil && net.ParseIP(h).IsLoopback())
	base := "/"
	if root, err := openSource(src); err == nil {
		if settings, _ := load.Site(root.FS(), sourceName(src)); settings.BaseURL != nil {
			base = settings.BaseURL.Path
		}
		root.Close()
	}
	ctx, stop := signal.NotifyContext(context.Background(), os.Interrupt)
	defer stop()
	host := ln.Addr().String()
	if srv.AnyHost {
		// Said as the user wrote it: Go calls 0.0.0.0 "[::]".
		_, port, _ := net.SplitHostPort(host)
		host = net.JoinHostPort(cmp.Or(h, "0.0.0.0"), port)
		fmt.Fprintf(stderr, "prayerfeed serve: warning: %s is reachable from other machines\n", host)
	}
	fmt.Fprintf(stderr, "prayerfeed serve: http://%s%s (Ctrl-C to stop)\n", host, base)
	return srv.Serve(ctx, ln)
}
