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
package deploy
