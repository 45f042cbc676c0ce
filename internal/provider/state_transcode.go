package provider

import (
	"bytes"
	"encoding/json"
	"math"
	"math/big"
	"sort"
	"unicode/utf8"

	"github.com/hashicorp/terraform-plugin-go/tftypes"
	"github.com/vmihailenco/msgpack/v5"
)

// transcodeState re-encodes a state that Terraform stored as JSON as the
// msgpack that UpgradeResourceState answers with, without building tftypes
// values on the way.
//
// For a state of the schema's own version, the framework's answer is the stored
// JSON decoded with tftypes (ignoring attributes the schema does not have,
// attributes the JSON lacks becoming null) and encoded again with tftypes. The
// tftypes JSON decoder reads token by token and was most of the cost of the
// call. transcodeState produces the same bytes for the values Terraform writes:
// null, JSON strings for strings, JSON numbers for numbers, true and false for
// booleans, and objects of those. For anything else (a number or a boolean
// written as a string, a collection type, invalid JSON) ok is false, and the
// caller leaves the state to the framework, which decides and words any error.
// TestTranscodeState_matchesTftypes compares both on random states.
func transcodeState(raw []byte, typ tftypes.Object) (out []byte, ok bool) {
	var buf bytes.Buffer
	enc := msgpack.NewEncoder(&buf)
	if bytes.Equal(raw, []byte("null")) || !transcodeObject(enc, raw, typ) {
		return nil, false
	}
	return buf.Bytes(), true
}

func transcodeObject(enc *msgpack.Encoder, raw []byte, typ tftypes.Object) bool {
	var fields map[string]json.RawMessage
	if err := json.Unmarshal(raw, &fields); err != nil || fields == nil {
		return false
	}
	names := make([]string, 0, len(typ.AttributeTypes))
	for name := range typ.AttributeTypes {
		names = append(names, name)
	}
	sort.Strings(names)
	if enc.EncodeMapLen(len(names)) != nil {
		return false
	}
	for _, name := range names {
		if enc.EncodeString(name) != nil {
			return false
		}
		v, found := fields[name]
		if !found {
			if enc.EncodeNil() != nil {
				return false
			}
			continue
		}
		if !transcodeValue(enc, v, typ.AttributeTypes[name]) {
			return false
		}
	}
	return true
}

func transcodeValue(enc *msgpack.Encoder, raw json.RawMessage, typ tftypes.Type) bool {
	if len(raw) == 0 {
		return false
	}
	if bytes.Equal(raw, []byte("null")) {
		return enc.EncodeNil() == nil
	}
	switch t := typ.(type) {
	case tftypes.Object:
		if raw[0] != '{' {
			return false
		}
		return transcodeObject(enc, raw, t)
	}
	switch {
	case typ.Is(tftypes.String):
		s, ok := jsonString(raw)
		return ok && enc.EncodeString(s) == nil
	case typ.Is(tftypes.Number):
		if raw[0] != '-' && (raw[0] < '0' || raw[0] > '9') {
			return false
		}
		f, _, err := big.ParseFloat(string(raw), 10, 512, big.ToNearestEven)
		return err == nil && encodeNumber(enc, f) == nil
	case typ.Is(tftypes.Bool):
		switch string(raw) {
		case "true":
			return enc.EncodeBool(true) == nil
		case "false":
			return enc.EncodeBool(false) == nil
		}
	}
	return false
}

// jsonString decodes a JSON string; ok is false for any other JSON value.
func jsonString(raw []byte) (string, bool) {
	if len(raw) < 2 || raw[0] != '"' {
		return "", false
	}
	if inner := raw[1 : len(raw)-1]; bytes.IndexByte(inner, '\\') < 0 && utf8.Valid(inner) {
		// No escapes: the text is the string (json.Unmarshal has checked the rest).
		return string(inner), true
	}
	var s string
	if err := json.Unmarshal(raw, &s); err != nil {
		return "", false
	}
	return s, true
}

// encodeNumber encodes n as tftypes does (its marshalMsgPackNumber).
func encodeNumber(enc *msgpack.Encoder, n *big.Float) error {
	switch {
	case n.IsInf():
		return enc.EncodeFloat64(math.Inf(n.Sign()))
	default:
		if iv, acc := n.Int64(); acc == big.Exact {
			return enc.EncodeInt(iv)
		}
		if fv, acc := n.Float64(); acc == big.Exact && !n.IsInt() {
			return enc.EncodeFloat64(fv)
		}
		return enc.EncodeString(n.Text('f', -1))
	}
}
