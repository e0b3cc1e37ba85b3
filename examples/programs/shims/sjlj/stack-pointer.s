# Read and write the C shadow-stack pointer (the __stack_pointer global of wasm-ld).
	.globaltype __stack_pointer, i32

	.globl __sjlj_get_sp
	.type __sjlj_get_sp,@function
__sjlj_get_sp:
	.functype __sjlj_get_sp () -> (i32)
	global.get __stack_pointer
	end_function

	.globl __sjlj_set_sp
	.type __sjlj_set_sp,@function
__sjlj_set_sp:
	.functype __sjlj_set_sp (i32) -> ()
	local.get 0
	global.set __stack_pointer
	end_function
