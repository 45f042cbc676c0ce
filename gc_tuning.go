package main

import (
	"runtime/debug"
)

// The provider is a short-lived process that Terraform starts for each
// operation; in a refresh it converts thousands of small values a second and
// keeps little (a few MB for a thousand resources). With Go's default GOGC=100 it
// collected garbage about every 2 MB of allocation, which was a quarter of its CPU
// time in a refresh-only plan of a thousand resources. It collects less often
// instead, and a soft memory limit keeps that from growing without bound.
const (
	defaultGCPercent   = 800
	defaultMemoryLimit = 256 << 20 // bytes
)

// tuneGC applies the provider's garbage-collector settings, except those the
// user set through GOGC or GOMEMLIMIT, which the Go runtime has already applied.
func tuneGC(lookupEnv func(string) (string, bool)) {
	if _, set := lookupEnv("GOGC"); !set {
		debug.SetGCPercent(defaultGCPercent)
	}
	if _, set := lookupEnv("GOMEMLIMIT"); !set {
		debug.SetMemoryLimit(defaultMemoryLimit)
	}
}
