package scorer

import (
	"embed"
	"fmt"
	"io/fs"
	"strings"
	"sync"
)

// The models shipped in the binary, one file per topic, written by
// cmd/trainscorer.
//
//go:embed models/*.tsv
var modelFiles embed.FS

var (
	defaultOnce   sync.Once
	defaultModels map[string]*Model
	defaultErr    error
)

// Default returns the embedded models by topic id. They are parsed once and
// shared; callers must not change them.
func Default() (map[string]*Model, error) {
	defaultOnce.Do(func() {
		defaultModels = map[string]*Model{}
		names, err := fs.Glob(modelFiles, "models/*.tsv")
		if err != nil {
			defaultErr = err
			return
		}
		for _, name := range names {
			f, err := modelFiles.Open(name)
			if err != nil {
				defaultErr = err
				return
			}
			m, err := Read(f)
			f.Close()
			if err != nil {
				defaultErr = fmt.Errorf("%s: %w", name, err)
				return
			}
			if want := strings.TrimSuffix(strings.TrimPrefix(name, "models/"), ".tsv"); m.Topic != want {
				defaultErr = fmt.Errorf("%s: topic %q does not match the file name", name, m.Topic)
				return
			}
			defaultModels[m.Topic] = m
		}
	})
	return defaultModels, defaultErr
}
