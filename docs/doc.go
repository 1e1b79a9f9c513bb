// Package docs holds the project's documentation. Its test keeps
// ARCHITECTURE.md true: every path it names exists, and its list of who
// imports whom is the one the code has.
package docs
