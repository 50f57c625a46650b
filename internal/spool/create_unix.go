//go:build unix

package spool

import "os"

// create makes a temporary file and removes its name at once: the file
// lasts as long as it is open, which it is until the Spool holding it is
// collected (os.File closes itself then), or the process ends.
func create() (*os.File, error) {
	f, err := os.CreateTemp("", "prayerfeed-texts-*")
	if err != nil {
		return nil, err
	}
	if err := os.Remove(f.Name()); err != nil {
		f.Close()
		return nil, err
	}
	return f, nil
}
