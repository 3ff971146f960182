package service

import "github.com/pdx-network/pdx/node/envstore"

var envstoreOpen = envstore.Open
