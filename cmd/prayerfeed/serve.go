package main

import (
	"context"
	"fmt"
	"io"
	"log"
	"net"
	"os"
	"os/signal"

	"github.com/prayerfeed/prayerfeed/internal/build"
	"github.com/prayerfeed/prayerfeed/internal/load"
	"github.com/prayerfeed/prayerfeed/internal/serve"
)

// newServer returns the preview server of the site in src at the clock
// now, logging to stderr. Each build runs the pipeline up to the model,
// parsing only the files that changed since the last; each file is
// rendered from the model when it is asked for.
func newServer(src string, now func() moment, stderr io.Writer) *serve.Server {
	cache := new(load.Cache)
	return &serve.Server{
		Src: src,
		Log: log.New(stderr, "prayerfeed serve: ", 0),
		Build: func() (*serve.Site, error) {
			root, err := openSource(src)
			if err != nil {
				return nil, err
			}
			defer root.Close()
			r, err := build.Run(build.Options{Src: root.FS(), Name: sourceName(src), Now: now().in, Cache: cache})
			if err != nil {
				return nil, err
			}
			m := r.Model
			site := &serve.Site{Base: m.Site.BaseURL.Path, Files: map[string]serve.File{}}
			for _, part := range m.Parts() {
				for _, j := range m.Jobs(part) {
					site.Files[j.Path] = serve.File{MediaType: j.MediaType, Render: func() ([]byte, error) { return m.RenderFile(j) }}
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
	if h, _, err := net.SplitHostPort(host); err == nil && !net.ParseIP(h).IsLoopback() {
		fmt.Fprintf(stderr, "prayerfeed serve: warning: %s is reachable from other machines\n", host)
	}
	fmt.Fprintf(stderr, "prayerfeed serve: http://%s%s (Ctrl-C to stop)\n", host, base)
	return srv.Serve(ctx, ln)
}
