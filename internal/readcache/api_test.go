package readcache

import (
	"go/ast"
	"go/parser"
	"go/token"
	"reflect"
	"strings"
	"testing"

	"github.com/cxone-oss/terraform-provider-cxone/internal/acctest"
	"github.com/cxone-oss/terraform-provider-cxone/internal/mockcxone"
)

// TestEveryWriteIsDeclared: every method of Writes is declared in writes.go, where
// writes forget what they write, and no read is: a write is one because Writes
// declares it, and TestReadsOnlyRead checks that the reads do not write.
func TestEveryWriteIsDeclared(t *testing.T) {
	inWrites := declaredMethods(t, "Client", "writes.go")
	writes := reflect.TypeFor[Writes]()
	for i := range writes.NumMethod() {
		if name := writes.Method(i).Name; !inWrites[name] {
			t.Errorf("Writes.%s is not declared in writes.go, where each write forgets what it writes", name)
		}
	}
	reads := reflect.TypeFor[Reads]()
	for i := range reads.NumMethod() {
		if name := reads.Method(i).Name; inWrites[name] {
			t.Errorf("Reads.%s is declared in writes.go", name)
		}
		if _, ok := writes.MethodByName(reads.Method(i).Name); ok {
			t.Errorf("%s is declared both a read and a write", reads.Method(i).Name)
		}
	}
	if writes.NumMethod() == 0 || reads.NumMethod() == 0 {
		t.Fatal("found no reads or no writes")
	}
}

// TestEveryWriteIsDeclared_readsTheFile shows that the check above reads the
// declarations of writes.go alone.
func TestEveryWriteIsDeclared_readsTheFile(t *testing.T) {
	inWrites := declaredMethods(t, "Client", "writes.go")
	if !inWrites["UpsertChannel"] || inWrites["Channel"] || inWrites["GetChannel"] {
		t.Fatalf("methods declared in writes.go: %v", inWrites)
	}
}

// TestReadsOnlyRead calls every method of Reads against the mock, with zero values
// for its arguments (and every stream read to its end), and checks that CXone
// received GET requests only: a write declared as a read would send another method
// and, not forgetting what it wrote, leave the cache serving what it overwrote.
func TestReadsOnlyRead(t *testing.T) {
	m := mockcxone.NewTestServer(t, mockcxone.Options{SyncDelay: -1})
	c := New(acctest.Client(t, m))
	v := reflect.ValueOf(c)
	reads := reflect.TypeFor[Reads]()
	for i := range reads.NumMethod() {
		name := reads.Method(i).Name
		method := v.MethodByName(name)
		args := []reflect.Value{reflect.ValueOf(t.Context())}
		for j := 1; j < method.Type().NumIn(); j++ {
			args = append(args, zeroArg(method.Type().In(j)))
		}
		if out := method.Call(args); out[0].Kind() == reflect.Func {
			drain(out[0])
		}
	}
	if m.Requests().Total == 0 {
		t.Fatal("the reads sent no request")
	}
	for route, n := range m.Requests().ByRoute {
		if !strings.HasPrefix(route, "GET ") && !strings.Contains(route, "/authentication/") {
			t.Errorf("a read sent %s (%d times)", route, n)
		}
	}
}

// zeroArg is the zero value of t, or for a function (a match) one that answers
// zero values.
func zeroArg(t reflect.Type) reflect.Value {
	if t.Kind() != reflect.Func {
		return reflect.Zero(t)
	}
	return reflect.MakeFunc(t, func([]reflect.Value) []reflect.Value {
		out := make([]reflect.Value, t.NumOut())
		for i := range out {
			out[i] = reflect.Zero(t.Out(i))
		}
		return out
	})
}

// drain reads a stream (an iter.Seq2) to its end.
func drain(seq reflect.Value) {
	yield := seq.Type().In(0)
	seq.Call([]reflect.Value{reflect.MakeFunc(yield, func([]reflect.Value) []reflect.Value {
		return []reflect.Value{reflect.ValueOf(true)}
	})})
}

// declaredMethods lists the methods declared on *typeName in file.
func declaredMethods(t *testing.T, typeName, name string) map[string]bool {
	t.Helper()
	out := map[string]bool{}
	fset := token.NewFileSet()
	{
		file, err := parser.ParseFile(fset, name, nil, parser.SkipObjectResolution)
		if err != nil {
			t.Fatal(err)
		}
		for _, decl := range file.Decls {
			fn, ok := decl.(*ast.FuncDecl)
			if !ok || fn.Recv == nil || len(fn.Recv.List) != 1 {
				continue
			}
			if star, ok := fn.Recv.List[0].Type.(*ast.StarExpr); ok {
				if id, ok := star.X.(*ast.Ident); ok && id.Name == typeName {
					out[fn.Name.Name] = true
				}
			}
		}
	}
	return out
}
