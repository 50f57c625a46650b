package build

import (
	"bytes"
	"sync"

	"github.com/prayerfeed/prayerfeed/internal/bulletin"
	"github.com/prayerfeed/prayerfeed/internal/feed"
	"github.com/prayerfeed/prayerfeed/internal/script"
)

// The outputs for podcasters, rows of Outputs: every published
// bulletin's read-aloud script, and the podcast feed of those with audio.

// TextScripts renders the read-aloud script of every published bulletin
// as plain text: scripts/<bulletin id>.txt.
func TextScripts(s *Site, p *Part) ([]File, error) {
	return scripts(s, p, "txt", "text/plain; charset=utf-8", (*script.Script).Text), nil
}

// MarkdownScripts renders the read-aloud script of every published
// bulletin as Markdown, with the IDs of its points: scripts/<bulletin id>.md.
func MarkdownScripts(s *Site, p *Part) ([]File, error) {
	return scripts(s, p, "md", "text/markdown; charset=utf-8", (*script.Script).Markdown), nil
}

func scripts(s *Site, p *Part, ext, mediaType string, render func(*script.Script) []byte) []File {
	files := make([]File, 0, len(p.Bulletins))
	for _, b := range p.Bulletins {
		files = append(files, File{Path: bulletin.ScriptPath(b, ext), MediaType: mediaType, Data: render(p.script(s, b))})
	}
	return files
}

// script returns the words of b's script, gathered once for both rows of
// scripts of the part.
func (p *Part) script(s *Site, b *bulletin.Bulletin) *script.Script {
	v, _ := p.scripts.LoadOrStore(b, new(onceScript))
	o := v.(*onceScript)
	o.once.Do(func() { o.sc = script.New(s.Site, b, p.Text) })
	return o.sc
}

type onceScript struct {
	once sync.Once
	sc   *script.Script
}

// PodcastFeed renders the podcast feed, feeds/podcast.rss, whose episodes
// are the published bulletins with audio. It renders nothing when there
// is none, so that no empty podcast is ever published.
func PodcastFeed(s *Site, _ *Part) ([]File, error) {
	p := feed.BuildPodcast(s.Site, s.Bulletins)
	if p == nil {
		return nil, nil
	}
	var buf bytes.Buffer
	if err := feed.EncodePodcast(&buf, p); err != nil {
		return nil, err
	}
	return []File{{Path: bulletin.PodcastPath, MediaType: "application/rss+xml", Data: buf.Bytes()}}, nil
}
