package build_test

import (
	"regexp"
	"slices"
	"strings"
	"testing"
	"time"

	"github.com/prayerfeed/prayerfeed/internal/build"
)

// podcastRows returns the rows of the table of outputs for podcasters.
func podcastRows() []build.Output {
	var rows []build.Output
	for _, o := range build.Outputs {
		if strings.HasPrefix(o.Path, "scripts/") || o.Path == "feeds/podcast.rss" {
			rows = append(rows, o)
		}
	}
	return rows
}

// renderPodcast loads src at now and renders the podcast rows alone.
func renderPodcast(t *testing.T, src string, now time.Time) []build.File {
	t.Helper()
	m := model(t, src, now)
	var files []build.File
	for _, o := range podcastRows() {
		for _, part := range m.Parts() {
			for _, j := range o.Files(m, part) {
				data, err := m.RenderFile(j)
				if err != nil {
					t.Fatal(err)
				}
				if !matches(o.Path, j.Path) {
					t.Errorf("row %s rendered %s", o.Path, j.Path)
				}
				files = append(files, build.File{Path: j.Path, MediaType: o.MediaType, Data: data})
			}
		}
	}
	return files
}

// TestNoPodcastWithoutAudio checks that the sample, whose bulletins have
// no audio, gets scripts and no podcast feed.
func TestNoPodcastWithoutAudio(t *testing.T) {
	var paths []string
	for _, f := range renderPodcast(t, sites[0].src, sites[0].now) {
		paths = append(paths, f.Path)
	}
	want := []string{"scripts/2026-11-27.txt", "scripts/2026-11-20.txt", "scripts/2026-11-27.md", "scripts/2026-11-20.md"}
	if !slices.Equal(paths, want) {
		t.Errorf("rendered %q, want %q", paths, want)
	}
}

var hrefRE = regexp.MustCompile(`(?:href|url)="(https://example\.org/prayer/scripts/[^"]+)"`)

// TestScriptLinksLead checks that every link to a script, from the feeds
// of whole bulletins and from the podcast's transcripts, leads to a
// script that is rendered.
func TestScriptLinksLead(t *testing.T) {
	_, all := buildSite(t, sites[1].src, sites[1].now)
	files := renderPodcast(t, sites[1].src, sites[1].now)
	have := map[string]bool{}
	for _, f := range files {
		have["https://example.org/prayer/"+f.Path] = true
	}
	found := 0
	for _, f := range append(all, files...) {
		for _, m := range hrefRE.FindAllSubmatch(f.Data, -1) {
			found++
			if !have[string(m[1])] {
				t.Errorf("%s links to %s, which is not rendered", f.Path, m[1])
			}
		}
	}
	if found == 0 {
		t.Error("no links to scripts found")
	}
}

// TestPodcastDeterministic renders the podcast rows under different local
