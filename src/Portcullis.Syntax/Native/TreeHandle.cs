using System.Runtime.InteropServices;

namespace Portcullis.Syntax.Native;

/// <summary>Owns a TSTree returned by a parse.</summary>
internal sealed class TreeHandle : SafeHandle
{
    public TreeHandle(nint tree)
        : base(nint.Zero, ownsHandle: true)
    {
        SetHandle(tree);
    }

    public override bool IsInvalid => handle == nint.Zero;

    protected override bool ReleaseHandle()
    {
        TreeSitterNative.TreeDelete(handle);
        return true;
    }
}
