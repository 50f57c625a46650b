package main

import (
	"runtime/debug"
	"strings"
)

// version returns what "prayerfeed version" prints: the module's version
// when it was installed from a tag (go install …@v1.0.0, or a release's
// binary), else the commit it was built from, as Go records them.
func version() string {
	info, ok := debug.ReadBuildInfo()
	if !ok {
		return "prayerfeed (unknown version)"
	}
	v := info.Main.Version
	if v != "" && v != "(devel)" {
		return "prayerfeed " + v + " (" + info.GoVersion + ")"
	}
	var rev, at string
	modified := false
	for _, s := range info.Settings {
		switch s.Key {
		case "vcs.revision":
			rev = s.Value[:min(len(s.Value), 12)]
		case "vcs.time":
			at, _, _ = strings.Cut(s.Value, "T")
		case "vcs.modified":
			modified = s.Value == "true"
		}
	}
	if rev == "" {
		return "prayerfeed (development build, " + info.GoVersion + ")"
	}
	if modified {
		rev += " with changes"
	}
	return "prayerfeed (development build of " + rev + ", " + at + ", " + info.GoVersion + ")"
}
