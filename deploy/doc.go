// Package deploy reads and tests pdx's deployment files at the repository
// root — the Dockerfile, docker-compose.yml and .env.example — against the
// code they deploy.
//
// No Docker engine runs where pdx is tested, so the tests do what can be
// done without one: they run the Dockerfile's own `go build` lines and check
// the binaries are static (the images are `scratch` and could not load a
// shared library), and they load the compose file with the compose-spec
// library and check every command, flag, environment key, healthcheck,
// volume and dependency against pdx, geth and kubo as built from go.mod.
//
// The package is tests only: the Dockerfile parser (parse_dockerfile_test.go)
// and the compose scripts' splitter (split_script_test.go) are test files
// too, so this file is the package's one non-test file and nothing outside
// can import anything from it.
package deploy
