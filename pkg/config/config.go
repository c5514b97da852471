// Package config reads a service's settings from flags and NEWSMON_*
// environment variables, and marks configuration errors so that commands
// exit with status 2 and a message naming the setting and the problem.
package config

import (
	"errors"
	"flag"
	"fmt"
	"strings"
)

// Error is a configuration error. Where names the flag, variable or file
// position; commands exit with status 2 on it.
type Error struct {
	Where string
	Err   error
}

func (e *Error) Error() string { return "config: " + e.Where + ": " + e.Err.Error() }
func (e *Error) Unwrap() error { return e.Err }

// Errorf returns a configuration error about where.
func Errorf(where, format string, args ...any) error {
	return &Error{Where: where, Err: fmt.Errorf(format, args...)}
}

// IsConfigError reports whether err is (or wraps) a configuration error.
func IsConfigError(err error) bool {
	var e *Error
	return errors.As(err, &e)
}

// ExitCode is 2 for configuration and usage errors, 1 for other errors and
// 0 for nil or a help request.
func ExitCode(err error) int {
	switch {
	case err == nil, errors.Is(err, flag.ErrHelp):
		return 0
	case IsConfigError(err):
		return 2
	}
	return 1
}

// EnvName is the environment variable for a flag: NEWSMON_ and the flag name
// upper-cased with dashes as underscores ("nats-url" -> NEWSMON_NATS_URL).
func EnvName(flagName string) string {
	return "NEWSMON_" + strings.ToUpper(strings.ReplaceAll(flagName, "-", "_"))
}

// Parse applies NEWSMON_* environment variables to the flags in fs, then
// parses args, so a flag given on the command line wins over the
// environment. fs should use flag.ContinueOnError.
func Parse(fs *flag.FlagSet, args []string, getenv func(string) string) error {
	var err error
	fs.VisitAll(func(f *flag.Flag) {
		if err != nil || getenv == nil {
			return
		}
		name := EnvName(f.Name)
		if v := getenv(name); v != "" {
			if serr := fs.Set(f.Name, v); serr != nil {
				err = &Error{Where: name, Err: fmt.Errorf("invalid value %q: %w", v, serr)}
			}
		}
	})
	if err != nil {
		return err
	}
	if perr := fs.Parse(args); perr != nil {
		if errors.Is(perr, flag.ErrHelp) {
			return perr
		}
		return &Error{Where: "command line", Err: perr}
	}
	return nil
}

// Positive checks that a setting is above zero.
func Positive[T ~int | ~int64 | ~float64](where string, v T) error {
	if v <= 0 {
		return Errorf(where, "must be greater than zero, got %v", v)
	}
	return nil
}
