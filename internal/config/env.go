package config

import (
	"encoding"
	"errors"
	"fmt"
	"reflect"
	"sort"
	"strconv"
	"strings"
)

// EnvPrefix starts every environment variable that overrides a config key.
const EnvPrefix = "PDX_"

// field is one key of the config, found by walking the struct's toml tags.
type field struct {
	key   string // dotted TOML key; "<name>" stands for a map key
	index []int  // path of struct field indexes from Config
	typ   reflect.Type
	inMap bool // below a map (market.datasets.<name>.*): no env override
}

// fields lists every leaf key of Config in declaration order.
func fields() []field {
	var out []field
	var walk func(t reflect.Type, prefix string, index []int, inMap bool)
	walk = func(t reflect.Type, prefix string, index []int, inMap bool) {
		for i := range t.NumField() {
			sf := t.Field(i)
			name, _, _ := strings.Cut(sf.Tag.Get("toml"), ",")
			if name == "" || name == "-" {
				continue
			}
			key := name
			if prefix != "" {
				key = prefix + "." + name
			}
			idx := append(append([]int(nil), index...), i)
			ft := sf.Type
			if ft.Kind() == reflect.Pointer {
				ft = ft.Elem()
			}
			switch {
			case ft.Kind() == reflect.Struct && !isScalar(ft):
				walk(ft, key, idx, inMap)
			case ft.Kind() == reflect.Map && ft.Elem().Kind() == reflect.Struct:
				walk(ft.Elem(), key+".<name>", nil, true)
			default:
				out = append(out, field{key: key, index: idx, typ: ft, inMap: inMap})
			}
		}
	}
	walk(reflect.TypeFor[Config](), "", nil, false)
	return out
}

var textUnmarshalerType = reflect.TypeFor[encoding.TextUnmarshaler]()

// isScalar reports whether t is written as one TOML value (Wei, Duration).
func isScalar(t reflect.Type) bool {
	return reflect.PointerTo(t).Implements(textUnmarshalerType)
}

// EnvName is the variable that overrides key ("proxies.threshold" →
// "PDX_PROXIES_THRESHOLD").
func EnvName(key string) string {
	return EnvPrefix + strings.ToUpper(strings.ReplaceAll(key, ".", "_"))
}

// EnvError is a bad PDX_* override.
type EnvError struct {
	Var    string
	Kind   error // ErrUnknownKey or ErrInvalid
	Reason string
}

func (e *EnvError) Error() string {
	if e.Kind == ErrUnknownKey {
		return fmt.Sprintf("environment variable %s names no config key: unset it or fix its spelling (%s)", e.Var, e.Reason)
	}
	return fmt.Sprintf("environment variable %s: %s", e.Var, e.Reason)
}

func (e *EnvError) Unwrap() error { return e.Kind }

// sections are the config's top-level tables, upper-cased: a PDX_ variable
// starting with one of them must name a key.
func sections() []string {
	t := reflect.TypeFor[Config]()
	var out []string
	for i := range t.NumField() {
		name, _, _ := strings.Cut(t.Field(i).Tag.Get("toml"), ",")
		out = append(out, strings.ToUpper(name))
	}
	return out
}

// applyEnv sets every key named by a PDX_<SECTION>_<KEY> variable. Lists are
// comma-separated. An empty variable counts as unset, as service managers
// and shells often leave variables defined but empty. Variables outside the config's sections (PDX_HOME,
// PDX_PASSPHRASE) are left to their own readers.
func (c *Config) applyEnv(environ []string) error {
	byName := map[string]field{}
	for _, f := range fields() {
		if !f.inMap {
			byName[EnvName(f.key)] = f
		}
	}
	var names []string
	for n := range byName {
		names = append(names, n)
	}
	sort.Strings(names)
	secs := sections()

	var errs []error
	root := reflect.ValueOf(c).Elem()
	for _, kv := range environ {
		name, val, ok := strings.Cut(kv, "=")
		if !ok || val == "" || !strings.HasPrefix(name, EnvPrefix) {
			continue // an empty variable counts as unset
		}
		f, known := byName[name]
		if !known {
			rest := strings.TrimPrefix(name, EnvPrefix)
			for _, s := range secs {
				if strings.HasPrefix(rest, s+"_") {
					reason := "known variables of this section: " + strings.Join(filterPrefix(names, EnvPrefix+s+"_"), ", ")
					if s == "MARKET" && strings.HasPrefix(rest, "MARKET_DATASETS_") {
						reason = "per-dataset policies can be set only in the config file, under [market.datasets.<name>]"
					}
					errs = append(errs, &EnvError{Var: name, Kind: ErrUnknownKey, Reason: reason})
				}
			}
			continue
		}
		if err := setFromString(root.FieldByIndex(f.index), val); err != nil {
			errs = append(errs, &EnvError{Var: name, Kind: ErrInvalid, Reason: err.Error()})
		}
	}
	return errors.Join(errs...)
}

func filterPrefix(names []string, prefix string) []string {
	var out []string
	for _, n := range names {
		if strings.HasPrefix(n, prefix) {
			out = append(out, n)
		}
	}
	return out
}

// setFromString parses s into v by v's type.
func setFromString(v reflect.Value, s string) error {
	if v.CanAddr() {
		if u, ok := v.Addr().Interface().(encoding.TextUnmarshaler); ok {
			return u.UnmarshalText([]byte(s))
		}
	}
	switch v.Kind() {
	case reflect.String:
		v.SetString(s)
	case reflect.Bool:
		b, err := strconv.ParseBool(strings.TrimSpace(s))
		if err != nil {
			return fmt.Errorf("%q is not a boolean: use true or false", s)
		}
		v.SetBool(b)
	case reflect.Int, reflect.Int64:
		n, err := strconv.ParseInt(strings.TrimSpace(s), 10, 64)
		if err != nil || v.OverflowInt(n) {
			return fmt.Errorf("%q is not a whole number", s)
		}
		v.SetInt(n)
	case reflect.Uint64:
		n, err := strconv.ParseUint(strings.TrimSpace(s), 10, 64)
		if err != nil {
			return fmt.Errorf("%q is not a whole non-negative number", s)
		}
		v.SetUint(n)
	case reflect.Slice:
		if v.Type().Elem().Kind() != reflect.String {
			return fmt.Errorf("lists of %s cannot be set from the environment", v.Type().Elem())
		}
		list := []string{}
		for item := range strings.SplitSeq(s, ",") {
			if item = strings.TrimSpace(item); item != "" {
				list = append(list, item)
			}
		}
		v.Set(reflect.ValueOf(list))
	default:
		return fmt.Errorf("values of type %s cannot be set from the environment", v.Type())
	}
	return nil
}
